package dev.tact.policy.rules;

import dev.tact.policy.calendar.Easter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A holiday a calling law names, by the rule that gives its date each year: a fixed date (with the day it is
 * observed when it falls on a weekend, as federal and most state holidays are), the n-th weekday of a month, or a
 * day counted from Easter. The presets close on these days themselves, because the holiday calendars (Jollyday)
 * mark some of them as observances only (Rhode Island's Victory Day) or not at all (Louisiana's Huey P. Long Day).
 */
record LegalHoliday(String name, IntFunction<List<LocalDate>> dates) {

  /** The dates it closes in {@code year}: the day itself and, for a fixed date, the day it is observed. */
  List<LocalDate> in(int year) {
    return dates.apply(year);
  }

  boolean on(LocalDate date) {
    // a fixed date observed on the Friday before falls in the previous year for 1 January
    return in(date.getYear()).contains(date) || in(date.getYear() + 1).contains(date);
  }

  /** A fixed date, observed on the Friday before when it falls on Saturday and the Monday after on Sunday. */
  static LegalHoliday fixed(String name, Month month, int day) {
    return new LegalHoliday(name, year -> {
      LocalDate date = LocalDate.of(year, month, day);
      return switch (date.getDayOfWeek()) {
        case SATURDAY -> List.of(date, date.minusDays(1));
        case SUNDAY -> List.of(date, date.plusDays(1));
        default -> List.of(date);
      };
    });
  }

  /** The n-th (1-based) weekday of a month; n = -1 for the last. */
  static LegalHoliday nth(String name, int n, DayOfWeek day, Month month) {
    return new LegalHoliday(name, year -> List.of(LocalDate.of(year, month, 1)
        .with(n < 0 ? TemporalAdjusters.lastInMonth(day) : TemporalAdjusters.dayOfWeekInMonth(n, day))));
  }

  /** Days from Easter Sunday: −47 Mardi Gras, −2 Good Friday. */
  static LegalHoliday easter(String name, int days) {
    return new LegalHoliday(name, year -> List.of(Easter.sunday(year).plusDays(days)));
  }

  /** The same holiday only from {@code year} on (Juneteenth became federal in 2021). */
  LegalHoliday from(int firstYear) {
    return new LegalHoliday(name, year -> year < firstYear ? List.of() : dates.apply(year));
  }
}
