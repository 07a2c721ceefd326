package dev.tact.noise;

import dev.tact.conversation.ThreadDecision;
import java.time.Instant;
import java.util.Optional;

/**
 * The parts of noise control's decision that follow from facts alone: what threading already settled, and who
 * is exempt from the rate limits. Pure functions, so that each rule can be read and tested on its own.
 */
final class NoiseRules {

  private NoiseRules() {}

  /**
   * The decision when threading settles it: a redelivery of something noise control kept, a redelivery of a
   * stored message (filing reports it), or a follow-up. Empty when the message would open a conversation.
   */
  static Optional<NoiseDecision> settledByThreading(ThreadDecision thread) {
    return switch (thread) {
      case ThreadDecision.KeptElsewhere kept -> Optional.of(new NoiseDecision.Redelivery(
          kept.copy().conversationId(), kept.copy().reportId(), kept.copy().heldGroupId(), kept.copy().note()));
      case ThreadDecision.Redelivered redelivered ->
          Optional.of(new NoiseDecision.FollowUp("already a message of a conversation"));
      case ThreadDecision.Continues continues ->
          Optional.of(new NoiseDecision.FollowUp("continues a conversation"));
      case ThreadDecision.Unfiled unfiled ->
          Optional.of(new NoiseDecision.FollowUp("continues a conversation"));
      case ThreadDecision.Opens opens -> Optional.empty();
    };
  }

  /**
   * Staff, and known customers (a tier, or a conversation opened before the rate window, so that a flood's own
   * first conversation does not make its sender known), are not rate limited; unless the mail failed
   * authentication, when anyone could have written that From. A message without a sender is not limited.
   */
  static boolean exempt(NoiseCandidate candidate, boolean staff, boolean exemptKnownCustomers,
      SenderStanding standing, Instant windowStart) {
    if (candidate.sender().isEmpty()) {
      return true;
    }
    if (candidate.unauthenticated()) {
      return false;
    }
    if (staff) {
      return true;
    }
    return exemptKnownCustomers && standing.knownBefore(windowStart);
  }
}
