package dev.tact.policy.rules;

import dev.tact.policy.PolicySettings;
import dev.tact.policy.calendar.CandidateZones;
import dev.tact.shared.calendar.PublicHolidays;
import dev.tact.policy.calendar.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What every rule shares in one decision: the settings, the recipient's candidate zones (computed once), the
 * holiday calendars, and how to write an instant for people.
 */
public record PolicyContext(PolicySettings settings, CandidateZones zones, PublicHolidays holidays) {

  public List<ZoneId> candidateZones() {
    return zones.zones();
  }

  /** Days the deferral search may look ahead. */
  public int horizonDays() {
    return (int) Math.min(3660, settings.searchHorizon().toDays());
  }

  /** "Tuesday 11 October 2011 09:00 America/Winnipeg", in the first candidate zone (UTC when none). */
  public String describe(Instant instant) {
    ZoneId zone = zones.known() ? zones.zones().get(0) : java.time.ZoneOffset.UTC;
    return Words.dayTime(java.time.LocalDateTime.ofInstant(instant, zone)) + " " + zone.getId();
  }
}
