package dev.tact.policy;

import java.time.Instant;

/**
 * One rule's answer with its reason in words ("Monday 10 October 2011 is Thanksgiving in
 * Manitoba"). {@code notBefore} is set for DEFER: the earliest instant this rule permits.
 */
public record Vote(String rule, Kind kind, Instant notBefore, String reason) {

  public enum Kind {
    ALLOW,
    DEFER,
    DENY,
    ABSTAIN
  }
}
