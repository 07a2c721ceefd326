package dev.tact.policy.calendar;

import java.time.LocalDate;
import java.util.List;

/** The local times of each date at which contact is permitted (sorted, disjoint ranges; empty = closed all day). */
@FunctionalInterface
public interface DaySchedule {

  List<TimeRange> CLOSED = List.of();
  List<TimeRange> OPEN = List.of(TimeRange.ALL_DAY);

  List<TimeRange> on(LocalDate date);
}
