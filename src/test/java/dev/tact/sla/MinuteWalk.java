package dev.tact.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A slow reference for {@link BusinessCalendar}: whether each minute is open, decided from the calendar's settings
 * alone (shifts of the minute's date and the two before it, holidays straight from Jollyday, closures), walked
 * minute by minute. Only for whole-minute starts and durations. It shares the ADR's DST rule (gap = the transition
 * instant, overlap = first occurrence) but reaches it through {@code ZonedDateTime} and the previous transition.
 */
final class MinuteWalk {

  private static final Map<String, Set<LocalDate>> JOLLYDAY = new ConcurrentHashMap<>();

  private final BusinessCalendar calendar;
  private final Set<LocalDate> closedDates = new HashSet<>();

  MinuteWalk(BusinessCalendar calendar) {
    this.calendar = calendar;
    PublicHolidaySetting holidays = calendar.holidays();
    if (!holidays.isNone()) {
      closedDates.addAll(JOLLYDAY.computeIfAbsent(holidays.toString(), key -> holidays(holidays)));
    }
    calendar.closures().stream().filter(Closure.Day.class::isInstance)
        .forEach(c -> closedDates.add(((Closure.Day) c).date()));
  }

  private static Set<LocalDate> holidays(PublicHolidaySetting setting) {
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(setting.country()));
    Set<LocalDate> dates = new HashSet<>();
    for (int year = 2022; year <= 2028; year++) {
      for (Holiday holiday : manager.getHolidays(Year.of(year), setting.subdivision())) {
        boolean counts = holiday.getType() == HolidayType.PUBLIC_HOLIDAY
            || setting.bankHolidays() && holiday.getType() == HolidayType.BANK_HOLIDAY;
        if (counts) {
          dates.add(holiday.getActualDate());
          holiday.getObservedDate().ifPresent(dates::add);
        }
      }
    }
    return dates;
  }

  boolean isOpen(Instant minute) {
    for (Closure closure : calendar.closures()) {
      if (closure instanceof Closure.Range range && !minute.isBefore(range.from()) && minute.isBefore(range.to())) {
        return false;
      }
    }
    LocalDate today = minute.atZone(calendar.zone()).toLocalDate();
    for (LocalDate date = today.minusDays(2); !date.isAfter(today); date = date.plusDays(1)) {
      if (closedDates.contains(date)) {
        continue;
      }
      for (WorkingHours.Interval interval : calendar.hours().intervals()) {
        if (interval.day() == date.getDayOfWeek()) {
          LocalDateTime opening = date.atTime(interval.start());
          Instant start = firstShowing(opening);
          Instant end = firstShowing(opening.plusSeconds(interval.lengthSeconds()));
          if (!minute.isBefore(start) && minute.isBefore(end)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private Instant firstShowing(LocalDateTime local) {
    ZonedDateTime zoned = local.atZone(calendar.zone()); // earlier offset in an overlap, shifted on in a gap
    if (zoned.toLocalDateTime().equals(local)) {
      return zoned.toInstant();
    }
    return calendar.zone().getRules().previousTransition(zoned.toInstant().plusNanos(1)).getInstant();
  }

  Instant add(Instant start, Duration duration) {
    long minutes = duration.toMinutes();
    Instant minute = start;
    while (minutes > 0) {
      if (isOpen(minute)) {
        minutes--;
      }
      minute = minute.plusSeconds(60);
    }
    return minute;
  }

  Duration between(Instant from, Instant to) {
    long open = 0;
    for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
      if (isOpen(minute)) {
        open++;
      }
    }
    return Duration.ofMinutes(open);
  }
}
