package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.calendar.DaySchedule;
import dev.tact.policy.calendar.Words;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** No marketing on Saturday or Sunday (recipient's local date in every candidate zone) on the channels set. */
final class WeekendRule extends WindowRule {

  private static final DaySchedule WEEKDAYS = date ->
      date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
          ? DaySchedule.CLOSED : DaySchedule.OPEN;

  @Override
  public String name() {
    return "weekend";
  }

  @Override
  String notApplicable(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING) {
      return "weekends hold marketing only";
    }
    if (!context.settings().noMarketingOnWeekends().contains(request.channel())) {
      return "marketing by " + Ledger.channelName(request.channel()) + " may go on weekends";
    }
    return null;
  }

  @Override
  DaySchedule schedule(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    return WEEKDAYS;
  }

  @Override
  String closedReason(LocalDateTime local, ZoneId zone, PolicyFacts facts, PolicyContext context) {
    return Words.day(local.toLocalDate()) + " is a weekend day in " + Words.zone(zone) + "; no marketing by this "
        + "channel on weekends";
  }

  @Override
  String openReason(PolicyFacts facts, PolicyContext context) {
    return "a weekday in every candidate zone";
  }
}
