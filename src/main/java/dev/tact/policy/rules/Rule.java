package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Vote;

/**
 * One named rule of the contact policy. It votes on the request at {@code request.proposedAt()}: ALLOW, DEFER with
 * the earliest instant it permits, DENY, or ABSTAIN when it has nothing to say; always with a reason in words.
 * Rules are pure functions of their arguments and thread-safe.
 */
public interface Rule {

  /** A short name shown with the vote ("opt-out", "quiet hours", "R16 Canada"). */
  String name();

  Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context);

  default Vote allow(String reason) {
    return new Vote(name(), Vote.Kind.ALLOW, null, reason);
  }

  default Vote abstain(String reason) {
    return new Vote(name(), Vote.Kind.ABSTAIN, null, reason);
  }

  default Vote deny(String reason) {
    return new Vote(name(), Vote.Kind.DENY, null, reason);
  }

  default Vote defer(java.time.Instant notBefore, String reason) {
    return new Vote(name(), Vote.Kind.DEFER, notBefore, reason);
  }
}
