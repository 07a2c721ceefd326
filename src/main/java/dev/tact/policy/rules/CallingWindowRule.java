package dev.tact.policy.rules;

import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Region;
import dev.tact.policy.calendar.DaySchedule;
import dev.tact.policy.calendar.Words;
import dev.tact.shared.Channel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One jurisdiction's legal calling window for sales calls and texts ({@link CallingWindowPreset}); it holds when
 * the contact may be in its jurisdiction (any of their regions, from their profile or their phone numbers).
 */
final class CallingWindowRule extends WindowRule {

  private final CallingWindowPreset preset;

  CallingWindowRule(CallingWindowPreset preset) {
    this.preset = preset;
  }

  @Override
  public String name() {
    return preset.row() + " " + preset.title();
  }

  @Override
  String notApplicable(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (!context.settings().presetEnabled(preset.row()) || request.purpose() != Purpose.MARKETING
        || (request.channel() != Channel.PHONE && request.channel() != Channel.SMS)) {
      return "applies to sales calls and texts only";
    }
    if (!preset.coversAny(facts.regions())) {
      return "the contact is not in its jurisdiction";
    }
    LocalDate from = preset.inForceFrom();
    if (from != null && request.proposedAt().isBefore(from.atStartOfDay(ZoneId.of("UTC")).toInstant())) {
      return "not in force before " + from;
    }
    return null;
  }

  @Override
  List<ZoneId> zones(PolicyFacts facts, PolicyContext context) {
    return preset.fixedZone() == null ? context.candidateZones() : List.of(preset.fixedZone());
  }

  @Override
  DaySchedule schedule(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    return date -> holiday(date, facts, context).isPresent() ? DaySchedule.CLOSED
        : preset.openOn(date.getDayOfWeek());
  }

  private Optional<String> holiday(LocalDate date, PolicyFacts facts, PolicyContext context) {
    return preset.holidayOn(date, facts.regions(), context.holidays());
  }

  @Override
  String closedReason(LocalDateTime local, ZoneId zone, PolicyFacts facts, PolicyContext context) {
    String zoneName = preset.zoneInWords() != null ? preset.zoneInWords() : Words.zone(zone);
    Optional<String> holiday = holiday(local.toLocalDate(), facts, context);
    if (holiday.isPresent()) {
      return preset.row() + " " + preset.title() + ": no sales calls on holidays in " + jurisdiction(facts)
          + Where.note(facts) + "; " + Words.day(local.toLocalDate()) + " is " + holiday.get();
    }
    String sunday = local.getDayOfWeek() == DayOfWeek.SUNDAY && preset.openOn(DayOfWeek.SUNDAY).isEmpty()
        ? " (no Sunday calls)" : "";
    return preset.row() + " " + preset.title() + " permits sales calls " + preset.describeWeek() + " "
        + (preset.zoneInWords() != null ? preset.zoneInWords() : "local time") + sunday + " in " + jurisdiction(facts)
        + Where.note(facts) + "; "
        + Words.dayTime(local) + " (" + zoneName + ") is outside";
  }

  @Override
  String openReason(PolicyFacts facts, PolicyContext context) {
    return preset.row() + " window " + preset.describeWeek() + " holds in " + jurisdiction(facts)
        + Where.note(facts);
  }

  private String jurisdiction(PolicyFacts facts) {
    return facts.regions().stream().filter(preset::covers).map(Region::name).findFirst()
        .orElse(facts.whereabouts().names());
  }
}
