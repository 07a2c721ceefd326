package dev.tact.sla;

import dev.tact.shared.calendar.PublicHolidays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A team's business time: working hours per weekday in the team's zone (several intervals a
 * day; an interval whose end is not after its start runs overnight into the next day and
 * belongs to the day it starts), closed days (public holidays, company days off) and closed
 * instant ranges (an outage, a move). Immutable and thread-safe.
 *
 * <p>Local times become instants as {@code java.time} resolves them: a start or end inside a DST
 * gap moves later by the gap's length, one inside an overlap takes the earlier offset. So a
 * 09:00–17:00 day lasts 8 hours of business time even on the days clocks change, unless the
 * change falls inside the working hours.
 */
public final class BusinessCalendar {

  /** How far ahead a computation looks for working time before it gives up (about ten years). */
  private static final int MAX_DAYS = 3700;

  private record Shift(LocalTime start, LocalTime end) {
    boolean overnight() {
      return !end.isAfter(start);
    }
  }

  private record Range(Instant from, Instant to) {}

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Shift>> hours;
  private final Predicate<LocalDate> closedDay;
  private final List<Range> closures;

  private BusinessCalendar(Builder builder) {
    this.zone = builder.zone;
    this.hours = new EnumMap<>(DayOfWeek.class);
    builder.hours.forEach((day, shifts) -> {
      List<Shift> sorted = new ArrayList<>(shifts);
      sorted.sort(Comparator.comparing(Shift::start));
      this.hours.put(day, List.copyOf(sorted));
    });
    Predicate<LocalDate> closed = builder.closedDates::contains;
    for (Predicate<LocalDate> source : builder.closedDaySources) {
      closed = closed.or(source);
    }
    this.closedDay = closed;
    List<Range> ranges = new ArrayList<>(builder.closures);
    ranges.sort(Comparator.comparing(Range::from));
    this.closures = List.copyOf(ranges);
  }

  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Whether the team is working at this instant. */
  public boolean isOpen(Instant at) {
    for (Range open : openRangesAround(at, 1)) {
      if (!at.isBefore(open.from()) && at.isBefore(open.to())) {
        return true;
      }
    }
    return false;
  }

  /** The instant itself when open, else the next instant at which the team starts working. */
  public Instant nextOpening(Instant at) {
    return addBusinessTime(at, Duration.ZERO);
  }

  /**
   * When {@code businessTime} of working time has passed after {@code start}; counting begins
   * at the next opening when {@code start} is outside working time. Zero gives the next opening.
   *
   * @throws IllegalStateException when the calendar has no working time in the next ten years
   */
  public Instant addBusinessTime(Instant start, Duration businessTime) {
    Objects.requireNonNull(start, "start");
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("business time must not be negative: " + businessTime);
    }
    long remaining = businessTime.toMillis();
    LocalDate day = start.atZone(zone).toLocalDate().minusDays(1); // yesterday's overnight shift may still run
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      for (Range open : openRanges(day)) {
        Instant from = open.from().isBefore(start) ? start : open.from();
        if (!from.isBefore(open.to())) {
          continue;
        }
        long available = open.to().toEpochMilli() - from.toEpochMilli();
        if (remaining <= available) {
          return from.plusMillis(remaining); // a target used up exactly at closing is due at closing
        }
        remaining -= available;
      }
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS + " days after " + start);
  }

  /** The working time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    long total = 0;
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (Range open : openRanges(day)) {
        Instant a = open.from().isBefore(from) ? from : open.from();
        Instant b = open.to().isAfter(to) ? to : open.to();
        if (a.isBefore(b)) {
          total += b.toEpochMilli() - a.toEpochMilli();
        }
      }
    }
    return Duration.ofMillis(total);
  }

  /** When {@code fraction} (e.g. 0.75) of a target of business time has passed after {@code start}. */
  public Instant warningAt(Instant start, Duration target, double fraction) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
    }
    return addBusinessTime(start, Duration.ofMillis(Math.round(target.toMillis() * fraction)));
  }

  private List<Range> openRangesAround(Instant at, int daysBefore) {
    List<Range> ranges = new ArrayList<>();
    LocalDate day = at.atZone(zone).toLocalDate();
    for (LocalDate d = day.minusDays(daysBefore); !d.isAfter(day); d = d.plusDays(1)) {
      ranges.addAll(openRanges(d));
    }
    return ranges;
  }

  /** The working ranges of the shifts that start on this local day, minus closures, in order. */
  private List<Range> openRanges(LocalDate day) {
    List<Shift> shifts = hours.get(day.getDayOfWeek());
    if (shifts == null || closedDay.test(day)) {
      return List.of();
    }
    List<Range> ranges = new ArrayList<>(shifts.size());
    for (Shift shift : shifts) {
      Instant from = ZonedDateTime.of(day, shift.start(), zone).toInstant();
      Instant to = ZonedDateTime.of(shift.overnight() ? day.plusDays(1) : day, shift.end(), zone).toInstant();
      if (from.isBefore(to)) {
        subtractClosures(from, to, ranges);
      }
    }
    return ranges;
  }

  private void subtractClosures(Instant from, Instant to, List<Range> into) {
    Instant cursor = from;
    for (Range closed : closures) {
      if (!closed.to().isAfter(cursor) || !closed.from().isBefore(to)) {
        continue;
      }
      if (closed.from().isAfter(cursor)) {
        into.add(new Range(cursor, closed.from()));
      }
      cursor = closed.to().isAfter(cursor) ? closed.to() : cursor;
      if (!cursor.isBefore(to)) {
        return;
      }
    }
    into.add(new Range(cursor, to));
  }

  /** Builds a calendar; at least one working interval is required. */
  public static final class Builder {

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Shift>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> closedDates = new HashSet<>();
    private final List<Predicate<LocalDate>> closedDaySources = new ArrayList<>();
    private final List<Range> closures = new ArrayList<>();

    private Builder(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Working from {@code start} to {@code end} on that weekday; an end not after the start runs overnight. */
    public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
      if (start.equals(end)) {
        throw new IllegalArgumentException("a working interval needs different start and end: " + start);
      }
      hours.computeIfAbsent(day, d -> new ArrayList<>()).add(new Shift(start, end));
      return this;
    }

    /** The same hours Monday to Friday. */
    public Builder weekdays(LocalTime start, LocalTime end) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
          hours(day, start, end);
        }
      }
      return this;
    }

    /** Closed on the public (and bank) holidays of a country and optional subdivision, from Jollyday. */
    public Builder publicHolidays(PublicHolidays holidays, String country, String subdivision) {
      closedDaySources.add(date -> holidays.on(country, subdivision, date).isPresent());
      return this;
    }

    /** Closed on these dates (company days off). */
    public Builder closedOn(LocalDate... dates) {
      closedDates.addAll(List.of(dates));
      return this;
    }

    /** Closed between two instants (an outage, a move). */
    public Builder closed(Instant from, Instant to) {
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("a closure must end after it starts");
      }
      closures.add(new Range(from, to));
      return this;
    }

    /** @throws IllegalArgumentException without working hours, or when two intervals overlap */
    public BusinessCalendar build() {
      if (hours.isEmpty()) {
        throw new IllegalArgumentException("a business calendar needs working hours on at least one day");
      }
      for (DayOfWeek day : DayOfWeek.values()) {
        List<Shift> shifts = new ArrayList<>(hours.getOrDefault(day, List.of()));
        shifts.sort(Comparator.comparing(Shift::start));
        for (int i = 1; i < shifts.size(); i++) {
          Shift before = shifts.get(i - 1);
          if (before.overnight() || shifts.get(i).start().isBefore(before.end())) {
            throw new IllegalArgumentException("working intervals overlap on " + day + ": " + before.start() + "–"
                + before.end() + " and " + shifts.get(i).start() + "–" + shifts.get(i).end());
          }
        }
        if (!shifts.isEmpty() && shifts.getLast().overnight()) {
          LocalTime ends = shifts.getLast().end();
          for (Shift next : hours.getOrDefault(day.plus(1), List.of())) {
            if (next.start().isBefore(ends)) {
              throw new IllegalArgumentException("the overnight interval of " + day + " runs until " + ends
                  + ", into " + day.plus(1) + "'s interval starting " + next.start());
            }
          }
        }
      }
      return new BusinessCalendar(this);
    }
  }
}
