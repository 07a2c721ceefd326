package dev.tact.policy.rules;

import dev.tact.policy.PolicySettings;
import dev.tact.policy.calendar.CandidateZones;
import dev.tact.policy.calendar.Words;
import dev.tact.shared.calendar.PublicHolidays;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

  /**
   * "Tuesday 11 October 2011 09:00 (Winnipeg, Central time)", in the first candidate zone; in UTC, said so, when
   * no zone is known.
   */
  public String describe(Instant instant) {
    if (!zones.known()) {
      return Words.at(instant, ZoneOffset.UTC) + ", their own zone being unknown";
    }
    return Words.at(instant, zones.first());
  }
}
