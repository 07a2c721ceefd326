package dev.tact.policy.rules;

import dev.tact.policy.PolicySettings;
import dev.tact.policy.calendar.CandidateZones;
import dev.tact.policy.calendar.PublicHolidays;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What every rule shares in one decision: the settings, the recipient's candidate zones (computed once), the
 * holiday calendars, and how to write an instant for people.
 */
public record PolicyContext(PolicySettings settings, CandidateZones zones, PublicHolidays holidays) {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu HH:mm", Locale.ENGLISH);

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
    return DAY_TIME.format(instant.atZone(zone)) + " " + zone.getId();
  }
}
