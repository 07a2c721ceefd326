package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.IncidentExposure;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import java.time.Instant;

/**
 * No marketing while the contact has an open complaint or conversation or is affected by an open incident: DENY,
 * because nobody knows when that ends and a DEFER must name an instant that will be allowed; the caller asks again
 * after it closes. Then no marketing for the cool-down after the last support activity: DEFER to its end, a known
 * instant. Transactional contact (answers, incident notices) is never suppressed.
 */
final class SuppressionRule implements Rule {

  @Override
  public String name() {
    return "suppression";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING) {
      return abstain("support and incident contact is never suppressed");
    }
    if (facts.openComplaint()) {
      return deny("the contact has an open complaint; no marketing until it is closed and cooled down");
    }
    IncidentExposure incident = facts.incident();
    if (incident != null && incident.open()) {
      return deny("the contact is affected by " + incident.describe() + ", still open; no marketing until it is "
          + "resolved and cooled down");
    }
    if (facts.openConversation()) {
      return deny("the contact has an open support conversation; no marketing until it is closed and cooled down");
    }
    Instant last = facts.lastSupportActivity();
    if (last != null && !context.settings().supportCoolDown().isZero()) {
      Instant end = last.plus(context.settings().supportCoolDown());
      // the cool-down runs from the activity on; a time asked about before it (a what-if) is not inside it
      if (!request.proposedAt().isBefore(last) && request.proposedAt().isBefore(end)) {
        return defer(end, "support activity on " + last.toString().substring(0, 10) + "; no marketing for "
            + dev.tact.shared.Wording.count(context.settings().supportCoolDown().toDays(), "day", "days") + " after it, until " + context.describe(end));
      }
    }
    if (incident != null && incident.quietUntil() != null && !request.proposedAt().isBefore(incident.resolvedAt())
        && request.proposedAt().isBefore(incident.quietUntil())) {
      return defer(incident.quietUntil(), "the contact was affected by " + incident.describe() + ", resolved on "
          + incident.resolvedAt().toString().substring(0, 10) + "; no marketing until " + context.describe(
              incident.quietUntil()));
    }
    return allow("no open complaint, conversation or incident, and no recent support activity");
  }
}
