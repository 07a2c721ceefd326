package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;

/**
 * Fails closed when the recipient's time zone is unknown (no zone, no phone zone, no known country): marketing is
 * denied because no local-time rule can be checked. Transactional contact goes, except on a channel with quiet
 * hours when the settings make quiet hours hold transactional contact too.
 */
final class UnknownZoneRule implements Rule {

  @Override
  public String name() {
    return "time zone";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (context.zones().known()) {
      return allow("local time in " + context.zones().names() + " (" + context.zones().source() + ")");
    }
    if (request.purpose() == Purpose.MARKETING) {
      return deny("the recipient's time zone is unknown (no zone, phone zone or known country), so their local "
          + "time cannot be checked: marketing fails closed");
    }
    if (context.settings().quietHoursForTransactional()
        && context.settings().quietHours().containsKey(request.channel())) {
      return deny("the recipient's time zone is unknown and quiet hours hold transactional "
          + Ledger.channelName(request.channel()) + " too");
    }
    return allow("the recipient's time zone is unknown, but transactional contact needs no local-time check");
  }
}
