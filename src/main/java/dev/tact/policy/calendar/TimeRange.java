package dev.tact.policy.calendar;

import java.time.LocalTime;

/** Local times of a day, from {@code fromSecond} (inclusive) to {@code toSecond} (exclusive; 86,400 = midnight). */
public record TimeRange(int fromSecond, int toSecond) {

  public static final int DAY = 86_400;
  public static final TimeRange ALL_DAY = new TimeRange(0, DAY);

  public TimeRange {
    if (fromSecond < 0 || toSecond > DAY || fromSecond >= toSecond) {
      throw new IllegalArgumentException("bad time range " + fromSecond + "–" + toSecond);
    }
  }

  /** From {@code from} to {@code to}; a {@code to} of 00:00 means the end of the day. */
  public static TimeRange of(LocalTime from, LocalTime to) {
    int end = to.equals(LocalTime.MIDNIGHT) ? DAY : to.toSecondOfDay();
    return new TimeRange(from.toSecondOfDay(), end);
  }

  public boolean contains(int secondOfDay) {
    return secondOfDay >= fromSecond && secondOfDay < toSecond;
  }

  @Override
  public String toString() {
    return hhmm(fromSecond) + "–" + hhmm(toSecond);
  }

  /** "09:30" for a second of the day (86,400 gives "24:00"). */
  public static String hhmm(int second) {
    int hours = second / 3600;
    int minutes = second % 3600 / 60;
    return new String(new char[] {(char) ('0' + hours / 10), (char) ('0' + hours % 10), ':',
        (char) ('0' + minutes / 10), (char) ('0' + minutes % 10)});
  }
}
