package dev.tact.policy;

import dev.tact.policy.rules.RuleBasedContactPolicy;
import dev.tact.policy.rules.RuleBook;

/** Builds the contact policy Tact uses: the standard rule book under the given settings. */
public final class ContactPolicies {

  private ContactPolicies() {}

  /** The standard policy; thread-safe, meant to be built once and shared. */
  public static ContactPolicy standard(PolicySettings settings) {
    return new RuleBasedContactPolicy(RuleBook.standard(settings));
  }
}
