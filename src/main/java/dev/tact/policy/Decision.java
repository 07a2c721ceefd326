package dev.tact.policy;

import java.time.Instant;
import java.util.List;

/**
 * The policy's answer: ALLOW, DEFER until {@code notBefore} (the earliest instant every rule
 * permits), or DENY; with every rule's vote, and a summary in words for people.
 */
public record Decision(Outcome outcome, Instant notBefore, List<Vote> votes, String summary) {

  public Decision {
    votes = List.copyOf(votes);
  }

  public enum Outcome {
    ALLOW,
    DEFER,
    DENY
  }
}
