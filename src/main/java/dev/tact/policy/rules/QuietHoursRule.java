package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.PolicySettings.QuietHours;
import dev.tact.policy.Purpose;
import dev.tact.policy.calendar.DaySchedule;
import dev.tact.policy.calendar.TimeRange;
import dev.tact.policy.calendar.Words;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Quiet hours per channel (settings), in the recipient's local time in every candidate zone. They hold marketing;
 * transactional contact only when the settings say so.
 */
final class QuietHoursRule extends WindowRule {

  @Override
  public String name() {
    return "quiet hours";
  }

  @Override
  String notApplicable(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    QuietHours quiet = context.settings().quietHours().get(request.channel());
    if (quiet == null || quiet.start().equals(quiet.end())) {
      return "no quiet hours for " + Ledger.channelName(request.channel());
    }
    if (request.purpose() != Purpose.MARKETING && !context.settings().quietHoursForTransactional()) {
      return "quiet hours hold marketing only";
    }
    return null;
  }

  @Override
  DaySchedule schedule(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    List<TimeRange> open = openHours(context.settings().quietHours().get(request.channel()));
    return date -> open;
  }

  static List<TimeRange> openHours(QuietHours quiet) {
    int start = quiet.start().toSecondOfDay();
    int end = quiet.end().toSecondOfDay();
    if (start > end) {
      return List.of(new TimeRange(end, start));
    }
    List<TimeRange> open = new ArrayList<>();
    if (start > 0) {
      open.add(new TimeRange(0, start));
    }
    if (end < TimeRange.DAY) {
      open.add(new TimeRange(end, TimeRange.DAY));
    }
    return List.copyOf(open);
  }

  @Override
  String closedReason(LocalDateTime local, ZoneId zone, PolicyFacts facts, PolicyContext context) {
    return Words.dayTime(local) + " (" + Words.zone(zone) + ") is inside the quiet hours";
  }

  @Override
  String openReason(PolicyFacts facts, PolicyContext context) {
    return "outside the quiet hours in every candidate zone";
  }
}
