package dev.tact.sla.calendar;

import java.time.DayOfWeek;

/**
 * One working interval of a weekly schedule: it opens on {@code day} at {@code startSecond} seconds after local
 * midnight and lasts {@code lengthSeconds} of wall-clock time (up to 24 hours, so it may end on the next day).
 */
public record WeeklyShift(DayOfWeek day, int startSecond, int lengthSeconds) {

  static final int DAY = 86_400;
  static final int WEEK = 7 * DAY;

  public WeeklyShift {
    if (day == null || startSecond < 0 || startSecond >= DAY || lengthSeconds <= 0 || lengthSeconds > DAY) {
      throw new IllegalArgumentException("not a working interval: " + day + " " + startSecond + "+" + lengthSeconds);
    }
  }

  int startOfWeek() {
    return (day.getValue() - 1) * DAY + startSecond;
  }
}
