package dev.tact.policy.rules;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import java.time.Instant;

/**
 * Marketing needs consent for that channel: EXPRESS consent (lasts until withdrawn), or IMPLIED consent not yet
 * expired at the proposed instant (CASL: 2 years after a purchase, 6 months after an inquiry, carried by {@code
 * expiresAt}; an implied line without an expiry does not count, R19). Transactional contact needs none.
 */
final class ConsentRule implements Rule {

  @Override
  public String name() {
    return "consent";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING) {
      return abstain("transactional contact needs no marketing consent");
    }
    Instant at = request.proposedAt();
    ConsentEntry expired = null;
    for (ConsentEntry entry : facts.consents()) {
      if (!Ledger.coversChannel(entry, request.channel()) || !Ledger.coversSubject(entry, request.subject())
          || !Ledger.coversPurpose(entry, Purpose.MARKETING)) {
        continue;
      }
      if (entry.kind() == ConsentEntry.Kind.EXPRESS) {
        return allow("express consent to marketing by " + Ledger.channelName(entry.channel()) + Ledger.describe(entry));
      }
      if (entry.kind() == ConsentEntry.Kind.IMPLIED) {
        if (entry.expiresAt() != null && at.isBefore(entry.expiresAt())) {
          return allow("implied consent to marketing by " + Ledger.channelName(entry.channel()) + " until "
              + entry.expiresAt().toString().substring(0, 10) + Ledger.describe(entry));
        }
        expired = entry;
      }
    }
    String channel = Ledger.channelName(request.channel());
    if (expired != null) {
      String until = expired.expiresAt() == null ? "has no expiry date" : "expired on "
          + expired.expiresAt().toString().substring(0, 10);
      return deny("the implied consent to marketing by " + channel + " " + until
          + " and there is no express consent (CASL, R19)");
    }
    return deny("no express consent and no unexpired implied consent to marketing by " + channel);
  }
}
