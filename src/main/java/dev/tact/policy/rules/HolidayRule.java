package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.calendar.DaySchedule;
import dev.tact.policy.calendar.Regions;
import dev.tact.policy.calendar.Words;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * No marketing on the recipient's public or bank holidays (country and subdivision, Jollyday; actual and observed
 * dates) on the channels set, by the local date in every candidate zone.
 */
final class HolidayRule extends WindowRule {

  @Override
  public String name() {
    return "public holiday";
  }

  @Override
  String notApplicable(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING) {
      return "holidays hold marketing only";
    }
    if (!context.settings().noMarketingOnHolidays().contains(request.channel())) {
      return "marketing by " + Ledger.channelName(request.channel()) + " may go on holidays";
    }
    if (facts.country() == null) {
      return "the contact's country is unknown, so their holidays are not known";
    }
    if (!context.holidays().knows(facts.country())) {
      return "no holiday calendar for " + Regions.nameOf(facts.country(), null);
    }
    return null;
  }

  @Override
  DaySchedule schedule(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    return date -> context.holidays().on(facts.country(), facts.subdivision(), date).isPresent()
        ? DaySchedule.CLOSED : DaySchedule.OPEN;
  }

  @Override
  String closedReason(LocalDateTime local, ZoneId zone, PolicyFacts facts, PolicyContext context) {
    String name = context.holidays().on(facts.country(), facts.subdivision(), local.toLocalDate()).orElse("a holiday");
    return Words.day(local.toLocalDate()) + " is " + name + " in " + Regions.nameOf(facts.country(),
        facts.subdivision());
  }

  @Override
  String openReason(PolicyFacts facts, PolicyContext context) {
    return "not a holiday in " + Regions.nameOf(facts.country(), facts.subdivision());
  }
}
