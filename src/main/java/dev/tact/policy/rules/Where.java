package dev.tact.policy.rules;

import dev.tact.policy.PolicyFacts;

/** Where the contact is, for reasons: which region, and how Tact knows when it did not come from their profile. */
final class Where {

  private Where() {}

  /** " (from the area code +1 204: Manitoba)", or "" when the profile said where they are. */
  static String note(PolicyFacts facts) {
    String source = facts.whereabouts().source();
    return source.isEmpty() || source.startsWith("from the contact's profile") ? "" : " (" + source + ")";
  }
}
