package dev.tact.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The business-time engine: when a team is open, as a timeline of open intervals materialised one local year at a
 * time (on first use, then cached) with the business time before each interval, so that adding or measuring
 * business time costs two binary searches per year touched, whatever the duration.
 *
 * <p>A shift belongs to the local date it starts on: a closed date (holiday, company day off) removes the shifts
 * that start on it, including a night shift running into the next morning, but not the one that started the
 * evening before. Closed instant ranges are cut out of whatever shifts they overlap. Years 1900 to 9999 are known;
 * instants outside are closed. Thread-safe: years are immutable and published through an atomic array.
 */
public final class OpenTimeline {

  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 9999;
  private static final long NANOS = OpenYear.NANOS;
  private static final long FIRST_SECOND = LocalDate.of(FIRST_YEAR - 1, 1, 1).toEpochDay() * 86_400;
  private static final long LAST_SECOND = LocalDate.of(LAST_YEAR + 2, 1, 1).toEpochDay() * 86_400;

  private final ZoneId zone;
  private final LocalClock clock;
  private final WeeklyShift[][] shiftsByDay = new WeeklyShift[7][];
  private final Predicate<LocalDate> closedDate;
  private final long[] closedFrom;
  private final long[] closedTo;
  private final AtomicReferenceArray<OpenYear> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 3);

  /**
   * @param shifts weekly working intervals; they may not overlap (also across midnight and Sunday to Monday)
   * @param closedDate the local dates on which no shift starts
   * @param closedRanges instant ranges {@code {fromSecond, toSecond}} (epoch seconds, end exclusive) when closed
   * @throws IllegalArgumentException if there is no working time in the week or shifts overlap
   */
  public OpenTimeline(ZoneId zone, List<WeeklyShift> shifts, Predicate<LocalDate> closedDate,
      List<long[]> closedRanges) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.clock = new LocalClock(zone);
    this.closedDate = Objects.requireNonNull(closedDate, "closedDate");
    List<WeeklyShift> sorted = shifts.stream().sorted(Comparator.comparingInt(WeeklyShift::startOfWeek)).toList();
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a business calendar needs working hours: the week has no working time");
    }
    for (int i = 0; i < sorted.size(); i++) {
      WeeklyShift shift = sorted.get(i);
      WeeklyShift next = sorted.get((i + 1) % sorted.size());
      int nextStart = next.startOfWeek() + (i + 1 == sorted.size() ? WeeklyShift.WEEK : 0);
      if (shift.startOfWeek() + shift.lengthSeconds() > nextStart) {
        throw new IllegalArgumentException("working intervals overlap: " + shift + " and " + next);
      }
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      shiftsByDay[day.ordinal()] = sorted.stream().filter(s -> s.day() == day).toArray(WeeklyShift[]::new);
    }
    long[][] ranges = closedRanges.stream().filter(r -> r[1] > r[0]).sorted(Comparator.comparingLong(r -> r[0]))
        .toArray(long[][]::new);
    List<long[]> merged = new ArrayList<>();
    for (long[] range : ranges) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && range[0] <= last[1]) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.add(new long[] {range[0], range[1]});
      }
    }
    closedFrom = merged.stream().mapToLong(r -> r[0]).toArray();
    closedTo = merged.stream().mapToLong(r -> r[1]).toArray();
  }

  public ZoneId zone() {
    return zone;
  }

  /** Whether the instant lies in an open interval (openings are open, closings closed). */
  public boolean isOpen(Instant instant) {
    long second = instant.getEpochSecond();
    int year = yearOf(second);
    return year >= FIRST_YEAR && (openIn(year(year), second) || openIn(year(year - 1), second));
  }

  private static boolean openIn(OpenYear year, long second) {
    int index = year.firstEndingAfter(second);
    return index < year.size() && year.starts()[index] <= second;
  }

  /** The instant itself when open, else the next opening. */
  public Instant nextOpening(Instant instant) {
    long second = instant.getEpochSecond();
    for (int year = Math.max(FIRST_YEAR, yearOf(second) - 1); year <= LAST_YEAR; year++) {
      OpenYear open = year(year);
      int index = open.firstEndingAfter(second);
      if (index < open.size()) {
        return open.starts()[index] <= second ? instant : Instant.ofEpochSecond(open.starts()[index]);
      }
    }
    throw noTimeLeft();
  }

  /**
   * The earliest instant not before {@code start} by which {@code nanos} of business time have elapsed since
   * {@code start}: {@code start} itself for zero; otherwise an instant inside an open interval or at its closing.
   */
  public Instant add(Instant start, long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative business time: " + Duration.ofNanos(nanos));
    }
    if (nanos == 0) {
      return start;
    }
    long second = start.getEpochSecond();
    int nano = start.getNano();
    long remaining = nanos;
    for (int year = Math.max(FIRST_YEAR, yearOf(second) - 1); year <= LAST_YEAR; year++) {
      OpenYear open = year(year);
      long used = open.nanosBefore(second, nano);
      if (open.totalNanos() - used >= remaining) {
        long position = used + remaining;
        int index = open.intervalReaching(position);
        long into = position - open.nanosBefore()[index];
        return Instant.ofEpochSecond(open.starts()[index] + into / NANOS, into % NANOS);
      }
      remaining -= open.totalNanos() - used;
    }
    throw noTimeLeft();
  }

  /** Business time in {@code [from, to)}; negative when {@code to} is before {@code from}. */
  public Duration between(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return between(to, from).negated();
    }
    int first = Math.max(FIRST_YEAR, yearOf(from.getEpochSecond()) - 1);
    int last = Math.min(LAST_YEAR, yearOf(to.getEpochSecond()));
    Duration total = Duration.ZERO;
    for (int year = first; year <= last; year++) {
      OpenYear open = year(year);
      long inside = open.nanosBefore(to.getEpochSecond(), to.getNano())
          - open.nanosBefore(from.getEpochSecond(), from.getNano());
      total = total.plusNanos(inside);
    }
    return total;
  }

  private static IllegalArgumentException noTimeLeft() {
    return new IllegalArgumentException("no business time left before the year " + (LAST_YEAR + 1));
  }

  /** The local year whose [from, to) holds the instant, clamped to FIRST_YEAR - 1 .. LAST_YEAR + 1. */
  private int yearOf(long second) {
    if (second < FIRST_SECOND) {
      return FIRST_YEAR - 1;
    }
    if (second >= LAST_SECOND) {
      return LAST_YEAR + 1;
    }
    int year = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400)).getYear();
    year = Math.max(FIRST_YEAR - 1, Math.min(LAST_YEAR + 1, year));
    if (year >= FIRST_YEAR && second < year(year).from()) {
      return year - 1;
    }
    if (year <= LAST_YEAR && second >= year(year).to()) {
      return year + 1;
    }
    return year;
  }

  private OpenYear year(int year) {
    int index = year - FIRST_YEAR + 1;
    OpenYear open = years.get(index);
    if (open == null) {
      open = build(year);
      years.compareAndSet(index, null, open);
    }
    return open;
  }

  private OpenYear build(int year) {
    long from = clock.epochSecond(LocalDate.of(year, 1, 1).atStartOfDay());
    long to = clock.epochSecond(LocalDate.of(year + 1, 1, 1).atStartOfDay());
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      return new OpenYear(year, from, to, new long[0], new long[0], new long[0], 0);
    }
    LongList starts = new LongList();
    LongList ends = new LongList();
    int closure = Math.max(0, firstClosureEndingAfter(from) - 1);
    for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
      WeeklyShift[] shifts = shiftsByDay[date.getDayOfWeek().ordinal()];
      if (shifts.length == 0 || closedDate.test(date)) {
        continue;
      }
      for (WeeklyShift shift : shifts) {
        var opening = date.atStartOfDay().plusSeconds(shift.startSecond());
        long start = clock.epochSecond(opening);
        long end = clock.epochSecond(opening.plusSeconds(shift.lengthSeconds()));
        while (closure < closedTo.length && closedTo[closure] <= start) {
          closure++;
        }
        closure = cutOut(start, end, closure, starts, ends);
      }
    }
    long[] before = new long[starts.size];
    long total = 0;
    for (int i = 0; i < starts.size; i++) {
      before[i] = total;
      total += (ends.values[i] - starts.values[i]) * NANOS;
    }
    return new OpenYear(year, from, to, starts.toArray(), ends.toArray(), before, total);
  }

  /** Adds [start, end) minus the closed ranges from index {@code closure} on; returns the first range still ahead. */
  private int cutOut(long start, long end, int closure, LongList starts, LongList ends) {
    long cursor = start;
    int index = closure;
    while (cursor < end && index < closedFrom.length && closedFrom[index] < end) {
      if (closedFrom[index] > cursor) {
        starts.add(cursor);
        ends.add(closedFrom[index]);
      }
      cursor = Math.max(cursor, closedTo[index]);
      if (closedTo[index] <= end) {
        index++;
      } else {
        break;
      }
    }
    if (cursor < end) {
      starts.add(cursor);
      ends.add(end);
    }
    return index;
  }

  private int firstClosureEndingAfter(long second) {
    int index = Arrays.binarySearch(closedTo, second);
    return index >= 0 ? index + 1 : -index - 1;
  }

  private static final class LongList {
    long[] values = new long[512];
    int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
