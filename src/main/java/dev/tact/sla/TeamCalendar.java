package dev.tact.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A team's business hours as stored: zone, weekly hours, public holidays and closures; {@code configured} is false
 * for a team that uses the default calendar ({@code tact.sla.default-*}).
 */
public record TeamCalendar(UUID teamId, boolean configured, String zone, List<WorkingHours.Interval> hours,
    String hoursText, String country, String subdivision, boolean bankHolidays, List<ClosureEntry> closures) {

  /**
   * A custom closure with its label: whole local dates {@code firstDay..lastDay}, or the instants
   * {@code [startsAt, endsAt)}.
   */
  public record ClosureEntry(UUID id, String label, LocalDate firstDay, LocalDate lastDay, Instant startsAt,
      Instant endsAt) {}
}
