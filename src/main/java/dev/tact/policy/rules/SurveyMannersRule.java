package dev.tact.policy.rules;

import dev.tact.policy.ContactAttempt;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A satisfaction survey's manners: never while an open incident affects the contact (they are not asked how we did
 * while it still hurts), and at most one survey per contact per {@value #DAYS} days on any channel. Both DENY rather
 * than defer: a survey asked a month late asks about nothing the customer remembers.
 */
final class SurveyMannersRule implements Rule {

  static final int DAYS = 30;
  private static final Duration PERIOD = Duration.ofDays(DAYS);

  @Override
  public String name() {
    return "survey manners";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.SURVEY) {
      return abstain("counts surveys only");
    }
    if (facts.affectedByOpenIncident()) {
      return deny(facts.incident().describe() + " affects them and is still open; no survey during an incident");
    }
    Optional<Instant> recent = facts.history().stream()
        .filter(a -> a.purpose() == Purpose.SURVEY && a.at() != null)
        .map(ContactAttempt::at)
        .filter(at -> Duration.between(at, request.proposedAt()).abs().compareTo(PERIOD) < 0)
        .max(Comparator.naturalOrder());
    if (recent.isPresent()) {
      return deny("they were asked for a survey on " + context.describe(recent.get()) + "; at most one survey per "
          + DAYS + " days");
    }
    return allow("no open incident affects them and no survey in the last " + DAYS + " days");
  }
}
