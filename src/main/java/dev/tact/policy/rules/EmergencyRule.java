package dev.tact.policy.rules;

import dev.tact.policy.BusinessRelationship;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.Emergency;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Region;
import dev.tact.policy.Vote;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * No marketing to people in a region under a declared emergency (R15: Louisiana bans telephonic solicitation
 * "during a state of emergency as declared by the governor", La. R.S. 45:844.31; a lead declares it in Tact, for any
 * region, and it pauses marketing on every channel). With a known end the contact is DEFERRED to it; without one it
 * is DENIED, as for an open complaint: nobody knows when it ends, and a deferral must name an instant that will be
 * allowed; ask again once it is ended. The law's exemptions (an express request, or a business relationship, within
 * six months) let a contact through unless the emergency suspends them, as the PSC's order does while it reports to
 * the emergency centre.
 */
final class EmergencyRule implements Rule {

  private static final int EXEMPTION_MONTHS = 6;

  @Override
  public String name() {
    return "declared emergency";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING) {
      return abstain("an emergency pauses marketing only");
    }
    Instant at = request.proposedAt();
    List<Emergency> inForce = facts.emergencies().stream()
        .filter(e -> e.inForceAt(at) && covers(e, facts.regions()))
        .sorted(Comparator.comparing(Emergency::endsAt, Comparator.nullsFirst(Comparator.reverseOrder())))
        .toList();
    if (inForce.isEmpty()) {
      return allow("no declared emergency where they are");
    }
    Emergency emergency = inForce.getFirst(); // the one without an end, else the one ending last
    String what = "a declared emergency in " + emergency.region().name() + " (" + emergency.title() + ") since "
        + context.describe(emergency.startsAt());
    if (!emergency.exemptionsSuspended() && exempt(facts, at)) {
      return allow(what + ", but an express request or a business relationship within " + EXEMPTION_MONTHS
          + " months exempts them (La. R.S. 45:844.31)");
    }
    String suspended = emergency.exemptionsSuspended() ? ", exemptions suspended" : "";
    if (emergency.endsAt() == null) {
      return deny(what + ": no marketing while it lasts (R15" + suspended + "); it has no end yet, so ask again "
          + "once it is ended");
    }
    return defer(emergency.endsAt(), what + ": no marketing until it ends at " + context.describe(emergency.endsAt())
        + " (R15" + suspended + ")");
  }

  private static boolean covers(Emergency emergency, List<Region> regions) {
    for (Region region : regions) {
      if (region.within(emergency.region())) {
        return true;
      }
    }
    return false;
  }

  private static boolean exempt(PolicyFacts facts, Instant at) {
    Instant since = at.atZone(ZoneOffset.UTC).minusMonths(EXEMPTION_MONTHS).toInstant();
    for (ConsentEntry entry : facts.consents()) {
      if (entry.kind() == ConsentEntry.Kind.EXPRESS && Ledger.coversPurpose(entry, Purpose.MARKETING)
          && entry.givenAt().isAfter(since) && !entry.givenAt().isAfter(at)) {
        return true;
      }
    }
    for (BusinessRelationship relationship : facts.relationships()) {
      if (relationship.at().isAfter(since) && !relationship.at().isAfter(at)) {
        return true;
      }
    }
    return false;
  }
}
