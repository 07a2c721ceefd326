package dev.tact.policy.rules;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;

/**
 * Honours opt-outs forever, on the channels they name: a marketing opt-out (purpose MARKETING or unnamed) denies
 * marketing on its channel (null: every channel) for its subject (null: every offer), and never touches
 * transactional contact; an opt-out of TRANSACTIONAL contact on a channel denies that channel for every purpose.
 * A survey is denied by any opt-out on its channel but one for a single offer: someone who said "stop" is not asked
 * how we did. An opt-out is never outweighed by a consent line, however recent (R2, R4, R6, R22).
 */
final class OptOutRule implements Rule {

  @Override
  public String name() {
    return "opt-out";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    for (ConsentEntry entry : facts.consents()) {
      if (entry.kind() != ConsentEntry.Kind.OPT_OUT || !Ledger.coversChannel(entry, request.channel())
          || !Ledger.coversSubject(entry, request.subject())) {
        continue;
      }
      boolean transactionalOptOut = entry.purpose() == Purpose.TRANSACTIONAL;
      if (request.purpose() == Purpose.SURVEY && (entry.subject() == null || entry.purpose() == Purpose.SURVEY)) {
        String what = entry.purpose() == null ? "contact" : entry.purpose().name().toLowerCase(java.util.Locale.ROOT);
        return deny("opted out of " + what + " by " + Ledger.channelName(entry.channel()) + Ledger.describe(entry)
            + "; no survey goes to someone who opted out");
      }
      if (transactionalOptOut || request.purpose() == Purpose.MARKETING) {
        String what = transactionalOptOut ? "all contact" : "marketing";
        String offer = entry.subject() == null ? "" : " for \"" + entry.subject() + "\"";
        return deny("opted out of " + what + " by " + Ledger.channelName(entry.channel()) + offer
            + Ledger.describe(entry) + "; an opt-out is honoured forever");
      }
    }
    return allow("no opt-out covers " + Ledger.channelName(request.channel()) + " for this purpose and subject");
  }
}
