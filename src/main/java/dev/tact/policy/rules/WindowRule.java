package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Vote;
import dev.tact.policy.calendar.DaySchedule;
import dev.tact.policy.calendar.WindowSearch;
import dev.tact.policy.calendar.Words;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A rule that permits contact only at certain local times: it allows when the proposed instant is inside its
 * schedule in every candidate zone, else defers to the earliest instant inside it in all of them at once, else
 * (no such instant within the search horizon) denies.
 */
abstract class WindowRule implements Rule {

  /** Null when the rule applies to the request, else why it abstains. */
  abstract String notApplicable(DecisionRequest request, PolicyFacts facts, PolicyContext context);

  abstract DaySchedule schedule(DecisionRequest request, PolicyFacts facts, PolicyContext context);

  /** Why {@code local} (in {@code zone}) is outside the schedule, in words. */
  abstract String closedReason(LocalDateTime local, ZoneId zone, PolicyFacts facts, PolicyContext context);

  /** What the rule permits, in words, for an ALLOW. */
  abstract String openReason(PolicyFacts facts, PolicyContext context);

  List<ZoneId> zones(PolicyFacts facts, PolicyContext context) {
    return context.candidateZones();
  }

  @Override
  public final Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    String skip = notApplicable(request, facts, context);
    if (skip != null) {
      return abstain(skip);
    }
    List<ZoneId> zones = zones(facts, context);
    if (zones.isEmpty()) {
      return abstain("no time zone known; the time-zone rule decides");
    }
    DaySchedule schedule = schedule(request, facts, context);
    Instant at = request.proposedAt();
    for (ZoneId zone : zones) {
      if (!WindowSearch.isOpen(schedule, zone, at)) {
        String why = closedReason(LocalDateTime.ofInstant(at, zone), zone, facts, context);
        Optional<Instant> next = WindowSearch.nextOpenInAll(schedule, zones, at, context.horizonDays());
        if (next.isEmpty()) {
          return deny(why + "; no time permitted in all of " + zoneIds(zones) + " within "
              + dev.tact.shared.Wording.count(context.horizonDays(), "day", "days"));
        }
        return defer(next.get(), why);
      }
    }
    return allow(openReason(facts, context));
  }

  static String zoneIds(List<ZoneId> zones) {
    return zones.size() == 1 ? Words.zone(zones.get(0))
        : String.join("; ", zones.stream().map(Words::zone).toList());
  }
}
