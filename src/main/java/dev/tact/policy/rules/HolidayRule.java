package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Region;
import dev.tact.policy.calendar.DaySchedule;
import dev.tact.policy.calendar.Words;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * No marketing on the recipient's public or bank holidays (country and subdivision, Jollyday; actual and observed
 * dates) on the channels set, by the local date in every candidate zone. When the contact may be in several regions
 * (an area code shared by several provinces, a toll-free number) the holidays of every one of them count.
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
    if (facts.regions().isEmpty()) {
      return "where the contact is is unknown, so their holidays are not known";
    }
    if (facts.regions().stream().noneMatch(r -> context.holidays().knows(r.country()))) {
      return "no holiday calendar for " + facts.whereabouts().names();
    }
    return null;
  }

  @Override
  DaySchedule schedule(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    return date -> holiday(date, facts, context).isPresent() ? DaySchedule.CLOSED : DaySchedule.OPEN;
  }

  private static Optional<String> holiday(LocalDate date, PolicyFacts facts, PolicyContext context) {
    for (Region region : facts.regions()) {
      Optional<String> name = context.holidays().on(region.country(), region.subdivision(), date);
      if (name.isPresent()) {
        return Optional.of(name.get() + " in " + region.name());
      }
    }
    return Optional.empty();
  }

  @Override
  String closedReason(LocalDateTime local, ZoneId zone, PolicyFacts facts, PolicyContext context) {
    String name = holiday(local.toLocalDate(), facts, context).orElse("a holiday");
    return Words.day(local.toLocalDate()) + " is " + name + Where.note(facts);
  }

  @Override
  String openReason(PolicyFacts facts, PolicyContext context) {
    return "not a holiday in " + facts.whereabouts().names() + Where.note(facts);
  }
}
