package dev.tact.policy.rules;

import dev.tact.policy.BusinessRelationship;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.DoNotCallListing;
import dev.tact.policy.DoNotCallRegister;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import dev.tact.policy.calendar.Words;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No marketing calls or texts to a number on a do-not-call register ({@link DoNotCallRegister}: the US National
 * DNC Registry, Canada's National DNCL, the UK TPS and CTPS, our own list), on the channels the register covers,
 * from the day the number was registered; DENY, naming the register and the date, since no later time lifts a
 * registration. What the law exempts is let through: express consent to that channel (for our own list only when
 * given after the number was put on it: it is the person's later word), and a purchase or inquiry recent enough
 * (US: 18 and 3 months, R3; Canada: 18 and 6 months, R17). A seller-specific do-not-call request ends a business
 * relationship: that is an opt-out, which the opt-out rule denies first.
 */
final class DoNotCallRule implements Rule {

  @Override
  public String name() {
    return "do-not-call registers";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING) {
      return abstain("do-not-call registers hold marketing only");
    }
    if (facts.doNotCall().isEmpty()) {
      return abstain("none of their numbers is on a do-not-call register");
    }
    Instant at = request.proposedAt();
    List<String> exempt = new ArrayList<>();
    List<String> notCovered = new ArrayList<>();
    for (DoNotCallListing listing : facts.doNotCall()) {
      DoNotCallRegister register = listing.register();
      String listed = listing.number() + " is on " + register.title() + " since "
          + Words.day(listing.registeredOn());
      if (!register.covers(request.channel())) {
        notCovered.add(listed + ", which does not cover " + Ledger.channelName(request.channel()));
        continue;
      }
      if (listing.registeredOn().atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(at)) {
        notCovered.add(listing.number() + " is registered on " + register.title() + " only from "
            + Words.day(listing.registeredOn()));
        continue;
      }
      Optional<String> exemption = exemption(listing, request, facts, at);
      if (exemption.isEmpty()) {
        return deny(listed + " (" + register.rows() + "): no " + Ledger.channelName(request.channel())
            + " marketing without " + exemptions(register));
      }
      exempt.add(listed + ", but " + exemption.get());
    }
    List<String> all = new ArrayList<>(exempt);
    all.addAll(notCovered);
    return allow(String.join("; ", all));
  }

  private static Optional<String> exemption(DoNotCallListing listing, DecisionRequest request, PolicyFacts facts,
      Instant at) {
    DoNotCallRegister register = listing.register();
    Instant listedAt = listing.registeredOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    for (ConsentEntry entry : facts.consents()) {
      if (entry.kind() == ConsentEntry.Kind.EXPRESS && Ledger.coversChannel(entry, request.channel())
          && Ledger.coversPurpose(entry, Purpose.MARKETING) && Ledger.coversSubject(entry, request.subject())
          && (register != DoNotCallRegister.INTERNAL || !entry.givenAt().isBefore(listedAt))) {
        return Optional.of("they gave express consent" + Ledger.describe(entry));
      }
    }
    for (BusinessRelationship relationship : facts.relationships()) {
      int months = relationship.kind() == BusinessRelationship.Kind.PURCHASE ? register.purchaseMonths()
          : register.inquiryMonths();
      if (months > 0 && !relationship.at().isAfter(at)
          && relationship.at().isAfter(at.atZone(ZoneOffset.UTC).minusMonths(months).toInstant())) {
        return Optional.of("a business relationship exempts it: a " + word(relationship.kind()) + " on "
            + Words.day(relationship.at().atZone(ZoneOffset.UTC).toLocalDate()) + ", within " + months + " months");
      }
    }
    return Optional.empty();
  }

  private static String exemptions(DoNotCallRegister register) {
    if (register.purchaseMonths() == 0) {
      return register == DoNotCallRegister.INTERNAL ? "express consent given after it was listed" : "express consent";
    }
    return "express consent, a purchase within " + register.purchaseMonths() + " months or an inquiry within "
        + register.inquiryMonths() + " months";
  }

  private static String word(BusinessRelationship.Kind kind) {
    return kind == BusinessRelationship.Kind.PURCHASE ? "purchase" : "inquiry";
  }
}
