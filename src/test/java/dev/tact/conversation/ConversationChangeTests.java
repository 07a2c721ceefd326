package dev.tact.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a change is told to an agent whose page did not see it; plain unit tests, no Spring. */
class ConversationChangeTests {

  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final Actor LENA = Actor.agent(UUID.randomUUID(), "Lena Berg");

  @Test
  void shouldTellWhoDidWhatAndHowLongAgo() {
    assertThat(told("ASSIGNED", "to Priya Patel", 125)).isEqualTo("Lena Berg assigned this to Priya Patel 2 min ago");
    assertThat(told("ASSIGNED", "unassigned", 5)).isEqualTo("Lena Berg unassigned this just now");
    assertThat(told("ASSIGNED", "unassigned: Bo was deactivated; back to the team's queue", 30))
        .isEqualTo("Lena Berg unassigned this: Bo was deactivated; back to the team's queue 30 s ago");
    assertThat(told("TEAM_CHANGED", "to Billing", 7200)).isEqualTo("Lena Berg moved this to team Billing 2 h ago");
    assertThat(told("STATUS_CHANGED", "Open → Pending customer", 90_000))
        .isEqualTo("Lena Berg changed the status: Open → Pending customer 1 d ago");
    assertThat(told("TAGGED", "vip", 0)).isEqualTo("Lena Berg tagged this vip just now");
    assertThat(told("SLA_BREACHED", null, 0)).isEqualTo("Lena Berg sla breached just now");
  }

  private static String told(String kind, String detail, long secondsLater) {
    return ConversationChange.of(3, new HistoryEntry(UUID.randomUUID(), AT, LENA, kind, detail))
        .told(AT.plusSeconds(secondsLater));
  }
}
