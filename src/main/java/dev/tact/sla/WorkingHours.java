package dev.tact.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A team's weekly working hours in local wall-clock time: any number of intervals per weekday (09:00–12:00 and
 * 13:00–17:00), whole seconds. An interval whose end is not after its start runs past midnight into the next day
 * (22:00–06:00; 00:00–00:00 is a whole day) and belongs to the day it starts on. Intervals may not overlap.
 */
public record WorkingHours(List<Interval> intervals) {

  /** One weekly interval: opens on {@code day} at {@code start}, closes at {@code end} (next day if not after). */
  public record Interval(DayOfWeek day, LocalTime start, LocalTime end) {

    public Interval {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (start.getNano() != 0 || end.getNano() != 0) {
        throw new IllegalArgumentException("working hours are whole seconds: " + start + "–" + end);
      }
    }

    /** Wall-clock length in seconds, 1 to 86,400. */
    public int lengthSeconds() {
      int length = end.toSecondOfDay() - start.toSecondOfDay();
      return length > 0 ? length : length + 86_400;
    }
  }

  public WorkingHours {
    intervals = List.copyOf(intervals);
  }

  /** The same interval on each of the days, e.g. {@code on(MONDAY_TO_FRIDAY, "09:00", "17:00")}. */
  public static WorkingHours on(Set<DayOfWeek> days, String start, String end) {
    return new WorkingHours(List.of()).and(days, start, end);
  }

  /** These hours plus the interval on each of the days. */
  public WorkingHours and(Set<DayOfWeek> days, String start, String end) {
    List<Interval> more = new ArrayList<>(intervals);
    for (DayOfWeek day : EnumSet.copyOf(days)) {
      more.add(new Interval(day, LocalTime.parse(start), LocalTime.parse(end)));
    }
    return new WorkingHours(more);
  }

  /** Monday to Friday. */
  public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  /** Every day of the week. */
  public static final Set<DayOfWeek> EVERY_DAY = Set.copyOf(EnumSet.allOf(DayOfWeek.class));
}
