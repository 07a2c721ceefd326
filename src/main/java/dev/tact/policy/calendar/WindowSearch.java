package dev.tact.policy.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Whether an instant is inside a {@link DaySchedule} in a zone's local time, and the earliest instant at or after a
 * given one that is inside it in one zone or in every zone at once. Daylight-saving gaps and overlaps are handled:
 * a local start time that does not exist is skipped forward, an instant is never moved backwards.
 */
public final class WindowSearch {

  private static final int MAX_ROUNDS = 64;

  private WindowSearch() {}

  public static boolean isOpen(DaySchedule schedule, ZoneId zone, Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    int second = local.toLocalTime().toSecondOfDay();
    for (TimeRange range : schedule.on(local.toLocalDate())) {
      if (range.contains(second)) {
        return true;
      }
    }
    return false;
  }

  /** The earliest instant at or after {@code at} inside the schedule in {@code zone}, looking {@code days} ahead. */
  public static Optional<Instant> nextOpen(DaySchedule schedule, ZoneId zone, Instant at, int days) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalDate today = local.toLocalDate();
    int now = local.toLocalTime().toSecondOfDay();
    for (int i = 0; i <= days; i++) {
      LocalDate date = today.plusDays(i);
      for (TimeRange range : schedule.on(date)) {
        if (i == 0 && range.contains(now)) {
          return Optional.of(at);
        }
        if (i == 0 && range.toSecond() <= now) {
          continue;
        }
        Optional<Instant> start = startOf(date, range, zone, at);
        if (start.isPresent()) {
          return start;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> startOf(LocalDate date, TimeRange range, ZoneId zone, Instant notBefore) {
    ZonedDateTime start = ZonedDateTime.of(date, LocalTime.ofSecondOfDay(range.fromSecond()), zone);
    if (start.toInstant().isBefore(notBefore)) {
      start = start.withLaterOffsetAtOverlap();
    }
    // in a daylight-saving gap the local time moved forward: it must still be inside the range, on that date
    LocalDateTime resolved = start.toLocalDateTime();
    if (!resolved.toLocalDate().equals(date) || !range.contains(resolved.toLocalTime().toSecondOfDay())
        || start.toInstant().isBefore(notBefore)) {
      return Optional.empty();
    }
    return Optional.of(start.toInstant());
  }

  /**
   * The earliest instant at or after {@code at} inside the schedule in every zone at once, or empty when none is
   * found within {@code days} (for example two zones whose windows never overlap).
   */
  public static Optional<Instant> nextOpenInAll(DaySchedule schedule, List<ZoneId> zones, Instant at, int days) {
    Instant limit = at.plusSeconds(86_400L * days);
    Instant candidate = at;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean moved = false;
      for (ZoneId zone : zones) {
        Optional<Instant> next = nextOpen(schedule, zone, candidate, days);
        if (next.isEmpty() || next.get().isAfter(limit)) {
          return Optional.empty();
        }
        if (next.get().isAfter(candidate)) {
          candidate = next.get();
          moved = true;
        }
      }
      if (!moved) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
