package dev.tact.policy.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates and times in English words for reasons ("Monday 10 October 2011", "Tuesday 11 October 2011 09:00"); a
 * hand-made formatter, because reasons are written on every decision and DateTimeFormatter is slow there.
 */
public final class Words {

  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private Words() {}

  public static String day(LocalDate date) {
    return DAYS[date.getDayOfWeek().ordinal()] + " " + date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1]
        + " " + date.getYear();
  }

  public static String dayTime(LocalDateTime time) {
    return day(time.toLocalDate()) + " " + TimeRange.hhmm(time.toLocalTime().toSecondOfDay());
  }
}
