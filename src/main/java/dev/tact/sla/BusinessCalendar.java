package dev.tact.sla;

import dev.tact.shared.calendar.PublicHolidays;
import dev.tact.sla.calendar.OpenTimeline;
import dev.tact.sla.calendar.WeeklyShift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * When a team works, and business-time arithmetic on it: weekly {@link WorkingHours} in the team's zone, minus
 * public holidays ({@link PublicHolidaySetting}, Jollyday) and custom {@link Closure}s. Immutable and thread-safe;
 * build one per team and keep it (each local year is computed once, on first use).
 *
 * <p>Rules, in short (ADR 9): an interval belongs to the local date it starts on, so a holiday or closed date
 * removes the shifts that start on it; local times in a DST gap mean the instant the clocks jump, local times in an
 * overlap their first occurrence, so a night shift is an hour shorter or longer on those nights; the open periods
 * are half-open {@code [opening, closing)}. Years 1900 to 9999 are known; instants outside are closed.
 */
public final class BusinessCalendar {

  private final ZoneId zone;
  private final WorkingHours hours;
  private final PublicHolidaySetting holidays;
  private final List<Closure> closures;
  private final OpenTimeline timeline;

  /**
   * @throws IllegalArgumentException if the week has no working time, intervals overlap, or Jollyday does not know
   *     the country
   */
  public BusinessCalendar(ZoneId zone, WorkingHours hours, PublicHolidaySetting holidays, List<Closure> closures) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    this.closures = List.copyOf(closures);
    PublicHolidays jollyday = PublicHolidays.shared();
    if (!holidays.isNone() && !jollyday.knows(holidays.country())) {
      throw new IllegalArgumentException("Jollyday has no holidays for the country " + holidays.country());
    }
    Set<LocalDate> closedDays = this.closures.stream().filter(Closure.Day.class::isInstance)
        .map(c -> ((Closure.Day) c).date()).collect(Collectors.toUnmodifiableSet());
    Predicate<LocalDate> closed = holidays.isNone() ? closedDays::contains
        : date -> closedDays.contains(date) || jollyday.closedDays(holidays.country(), holidays.subdivision(),
            holidays.bankHolidays(), date.getYear()).contains(date);
    List<long[]> ranges = this.closures.stream().filter(Closure.Range.class::isInstance).map(Closure.Range.class::cast)
        .map(r -> new long[] {r.from().getEpochSecond(), ceilSecond(r.to())}).toList();
    List<WeeklyShift> shifts = hours.intervals().stream()
        .map(i -> new WeeklyShift(i.day(), i.start().toSecondOfDay(), i.lengthSeconds())).toList();
    this.timeline = new OpenTimeline(zone, shifts, closed, ranges);
  }

  /** A calendar with working hours and public holidays only. */
  public static BusinessCalendar of(ZoneId zone, WorkingHours hours, PublicHolidaySetting holidays) {
    return new BusinessCalendar(zone, hours, holidays, List.of());
  }

  private static long ceilSecond(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  /**
   * The earliest instant at which {@code businessDuration} of business time has elapsed since {@code start}:
   * {@code start} itself for zero; otherwise an instant inside an open period or exactly at its closing (the clock
   * ran in the moment just before it). From a closed {@code start}, counting begins at the next opening.
   *
   * @throws IllegalArgumentException for a negative duration, or none left before the year 10000
   */
  public Instant addBusinessTime(Instant start, Duration businessDuration) {
    Objects.requireNonNull(start, "start");
    if (businessDuration.isNegative()) {
      throw new IllegalArgumentException("negative business time: " + businessDuration);
    }
    long nanos;
    try {
      nanos = businessDuration.toNanos();
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException("business time beyond 292 years: " + businessDuration, tooLong);
    }
    return timeline.add(start, nanos);
  }

  /** Business time elapsed in {@code [from, to)}; negative when {@code to} is before {@code from}. */
  public Duration businessTimeBetween(Instant from, Instant to) {
    return timeline.between(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }

  /** Whether the team works at the instant (an opening instant is open, a closing instant is not). */
  public boolean isOpen(Instant instant) {
    return timeline.isOpen(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * The instant itself when open, else the next opening.
   *
   * @throws IllegalArgumentException if there is none before the year 10000
   */
  public Instant nextOpening(Instant instant) {
    return timeline.nextOpening(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * When {@code fraction} of the target has elapsed (0.75 for a warning at 75 %), rounded to the nanosecond.
   *
   * @throws IllegalArgumentException for a negative or non-finite fraction or target
   */
  public Instant warningAt(Instant start, Duration target, double fraction) {
    return addBusinessTime(start, fractionOf(target, fraction));
  }

  /** {@code fraction} of the target, rounded to the nanosecond; for warnings. */
  static Duration fractionOf(Duration target, double fraction) {
    if (!(fraction >= 0) || Double.isInfinite(fraction)) {
      throw new IllegalArgumentException("not a fraction of a target: " + fraction);
    }
    if (target.isNegative()) {
      throw new IllegalArgumentException("negative target: " + target);
    }
    double nanos = (target.toSeconds() * 1e9 + target.toNanosPart()) * fraction;
    if (nanos >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("business time beyond 292 years: " + target + " × " + fraction);
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingHours hours() {
    return hours;
  }

  public PublicHolidaySetting holidays() {
    return holidays;
  }

  public List<Closure> closures() {
    return closures;
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + zone + ", " + hours.intervals().size() + " weekly intervals, holidays "
        + (holidays.isNone() ? "none" : holidays.country() + "/" + holidays.subdivision()) + ", "
        + closures.size() + " closures]";
  }
}
