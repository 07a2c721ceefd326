package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.EarlierCopy;
import dev.tact.conversation.Priority;
import dev.tact.conversation.Status;
import dev.tact.conversation.ThreadDecision;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoiseRulesTests {

  private static final Instant WINDOW_START = Instant.parse("2026-12-06T08:00:00Z");

  @Test
  void shouldCallACopyKeptBeforeARedeliveryOfIt() {
    UUID conversation = Ids.newId();
    UUID report = Ids.newId();
    ThreadDecision kept = new ThreadDecision.KeptElsewhere(new EarlierCopy(conversation, report, null,
        "Redelivery of a message already reported."));

    NoiseDecision decision = NoiseRules.settledByThreading(kept).orElseThrow();

    assertThat(decision.outcome()).isEqualTo(NoiseDecision.Outcome.REDELIVERY);
    assertThat(decision.conversationId()).isEqualTo(conversation);
    assertThat(decision.reportId()).isEqualTo(report);
    assertThat(decision.note()).isEqualTo("Redelivery of a message already reported.");
  }

  @Test
  void shouldLetFilingReportARedeliveryOfAStoredMessageAndFollowUpsPass() {
    ConversationSummary open = conversation();
    List<ThreadDecision> followUps = List.of(new ThreadDecision.Redelivered(open.id(), open.number(), Ids.newId()),
        new ThreadDecision.Continues(open), new ThreadDecision.Unfiled());

    assertThat(followUps).allSatisfy(thread -> assertThat(NoiseRules.settledByThreading(thread).orElseThrow()
        .outcome()).isEqualTo(NoiseDecision.Outcome.FOLLOW_UP));
  }

  @Test
  void shouldLeaveAMessageThatOpensAConversationToTheChecks() {
    assertThat(NoiseRules.settledByThreading(new ThreadDecision.Opens(null))).isEmpty();
    assertThat(NoiseRules.settledByThreading(new ThreadDecision.Opens(conversation()))).isEmpty();
  }

  @Test
  void shouldExemptStaffAndKnownCustomersUnlessUnauthenticated() {
    NoiseCandidate stranger = candidate("pat@example.com", false);
    NoiseCandidate spoofed = candidate("pat@example.com", true);
    SenderStanding knownBefore = new SenderStanding(false, WINDOW_START.minusSeconds(1));
    SenderStanding newSinceWindow = new SenderStanding(false, WINDOW_START.plusSeconds(1));

    assertThat(NoiseRules.exempt(stranger, true, true, SenderStanding.UNKNOWN, WINDOW_START)).isTrue();
    assertThat(NoiseRules.exempt(stranger, false, true, knownBefore, WINDOW_START)).isTrue();
    assertThat(NoiseRules.exempt(stranger, false, true, new SenderStanding(true, null), WINDOW_START)).isTrue();
    assertThat(NoiseRules.exempt(stranger, false, true, newSinceWindow, WINDOW_START)).isFalse();
    assertThat(NoiseRules.exempt(stranger, false, false, knownBefore, WINDOW_START)).isFalse();
    assertThat(NoiseRules.exempt(spoofed, true, true, knownBefore, WINDOW_START)).isFalse();
    assertThat(NoiseRules.exempt(candidate("", true), false, false, SenderStanding.UNKNOWN, WINDOW_START)).isTrue();
  }

  private static NoiseCandidate candidate(String sender, boolean unauthenticated) {
    return new NoiseCandidate(null, sender, sender, sender, false, null, unauthenticated);
  }

  private static ConversationSummary conversation() {
    return new ConversationSummary(Ids.newId(), 7, "Subject", Status.OPEN, Priority.values()[0], Channel.EMAIL, null,
        null, null, List.of(), WINDOW_START, WINDOW_START, null);
  }
}
