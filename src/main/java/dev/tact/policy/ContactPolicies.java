package dev.tact.policy;

import dev.tact.policy.rules.RuleBasedContactPolicy;
import dev.tact.policy.rules.RuleBook;

/** Builds the contact policy Tact uses: the standard rule book under the given settings. */
public final class ContactPolicies {

  private ContactPolicies() {}

  /** Every legal calling-window preset the standard policy knows, in rules-file order. */
  public static java.util.List<LegalPreset> legalPresets() {
    return java.util.Arrays.stream(dev.tact.policy.rules.CallingWindowPreset.values())
        .map(p -> new LegalPreset(p.row(), p.title())).toList();
  }

  /** The standard policy; thread-safe, meant to be built once and shared. */
  public static ContactPolicy standard(PolicySettings settings) {
    return new RuleBasedContactPolicy(RuleBook.standard(settings));
  }
}
