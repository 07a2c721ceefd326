package dev.tact.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.Agent;
import dev.tact.staff.AgentState;
import dev.tact.staff.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who a note mentions; plain unit tests, no Spring. */
class MentionsTests {

  static final Agent BO = agent("Bo", "bo@tact.test", true);
  static final Agent BO_JENSEN = agent("Bo Jensen", "bo.jensen@tact.test", true);
  static final Agent SIOBHAN = agent("Siobhán Ní Bhriain", "siobhan@tact.test", true);
  static final Agent GONE = agent("Gone Agent", "gone@tact.test", false);
  static final List<Agent> STAFF = List.of(BO, BO_JENSEN, SIOBHAN, GONE);

  @Test
  void shouldFindAColleagueByTheirFullNameInAnyCaseAndPreferTheLongerName() {
    assertThat(Mentions.in("@bo jensen can you look at this? cc @Bo.", STAFF))
        .containsExactly(BO_JENSEN.id(), BO.id());
  }

  @Test
  void shouldFindAColleagueByTheirAddressBeforeTheAt() {
    assertThat(Mentions.in("Asking @siobhan, who knows the refund rules", STAFF)).containsExactly(SIOBHAN.id());
    assertThat(Mentions.in("(@Siobhán Ní Bhriain)", STAFF)).containsExactly(SIOBHAN.id());
  }

  @Test
  void shouldNotTakeAnEmailAddressAPrefixOfALongerWordOrAnInactiveAgentForAMention() {
    assertThat(Mentions.in("The customer wrote from someone@bo.example and bo@example.com", STAFF)).isEmpty();
    assertThat(Mentions.in("@Bob is not Bo, @bo_x neither", STAFF)).isEmpty();
    assertThat(Mentions.in("@Gone Agent left us", STAFF)).isEmpty();
    assertThat(Mentions.in(null, STAFF)).isEmpty();
  }

  private static Agent agent(String name, String email, boolean active) {
    return new Agent(UUID.randomUUID(), email, name, Role.AGENT, active, Instant.EPOCH, true, 10,
        active ? AgentState.ACTIVE : AgentState.DEACTIVATED, null);
  }
}
