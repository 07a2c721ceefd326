package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Business-time arithmetic on random calendars (seeded; a failure prints the seed, replay with
 * -Dtact.fuzz.seed=…): its laws in every zone, and agreement with a slow minute-by-minute
 * reference in zones without daylight saving time.
 */
class BusinessCalendarPropertyTests {

  private static final int TRIES = 2_000;
  private static final List<ZoneId> FIXED_ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"),
      ZoneId.of("Asia/Kathmandu"), ZoneId.of("Asia/Tokyo"), ZoneId.of("America/Regina"));
  private static final List<ZoneId> DST_ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/St_Johns"), ZoneId.of("Australia/Adelaide"), ZoneId.of("Australia/Lord_Howe"));

  private record Shift(DayOfWeek day, LocalTime start, LocalTime end) {}

  private record RandomCalendar(BusinessCalendar calendar, ZoneId zone, List<Shift> shifts, Set<LocalDate> closed) {}

  @Test
  void shouldMeasureBackExactlyWhatWasAdded() {
    forEachTry(random -> {
      RandomCalendar c = calendar(random, random.nextBoolean() ? DST_ZONES : FIXED_ZONES);
      Instant start = start(random);
      Duration d = Duration.ofMinutes(random.nextInt(60 * 40));

      Instant due = c.calendar().addBusinessTime(start, d);

      assertThat(due).isAfterOrEqualTo(start);
      assertThat(c.calendar().businessTimeBetween(start, due)).isEqualTo(d);
    });
  }

  @Test
  void shouldAddInStepsAsInOneAndNeverGoBackwards() {
    forEachTry(random -> {
      RandomCalendar c = calendar(random, random.nextBoolean() ? DST_ZONES : FIXED_ZONES);
      Instant start = start(random);
      Duration a = Duration.ofMinutes(random.nextInt(60 * 20));
      Duration b = Duration.ofMinutes(1 + random.nextInt(60 * 20));

      Instant inSteps = c.calendar().addBusinessTime(c.calendar().addBusinessTime(start, a), b);

      assertThat(inSteps).isEqualTo(c.calendar().addBusinessTime(start, a.plus(b)));
      assertThat(c.calendar().addBusinessTime(start, a.plus(b))).isAfter(c.calendar().addBusinessTime(start, a));
    });
  }

  @Test
  void shouldAgreeWithAMinuteByMinuteWalkWhereClocksDoNotChange() {
    forEachTry(random -> {
      RandomCalendar c = calendar(random, FIXED_ZONES);
      Instant start = start(random);
      int minutes = 1 + random.nextInt(60 * 12);

      Instant expected = walk(c, start, minutes);

      assertThat(c.calendar().addBusinessTime(start, Duration.ofMinutes(minutes))).isEqualTo(expected);
      assertThat(c.calendar().isOpen(start)).isEqualTo(openAt(c, start));
    });
  }

  /** The reference: step minute by minute, counting the minutes that are open by the local clock. */
  private static Instant walk(RandomCalendar c, Instant start, int minutes) {
    Instant t = start;
    int counted = 0;
    for (int guard = 0; guard < 60 * 24 * 400; guard++) {
      if (openAt(c, t)) {
        counted++;
        if (counted == minutes) {
          return t.plus(1, ChronoUnit.MINUTES);
        }
      }
      t = t.plus(1, ChronoUnit.MINUTES);
    }
    throw new AssertionError("reference walk found no working time");
  }

  private static boolean openAt(RandomCalendar c, Instant t) {
    ZonedDateTime local = t.atZone(c.zone());
    LocalTime time = local.toLocalTime();
    LocalDate today = local.toLocalDate();
    for (Shift s : c.shifts()) {
      boolean overnight = !s.end().isAfter(s.start());
      if (s.day() == today.getDayOfWeek() && !c.closed().contains(today) && !time.isBefore(s.start())
          && (overnight || time.isBefore(s.end()))) {
        return true;
      }
      LocalDate yesterday = today.minusDays(1);
      if (overnight && s.day() == yesterday.getDayOfWeek() && !c.closed().contains(yesterday)
          && time.isBefore(s.end())) {
        return true;
      }
    }
    return false;
  }

  private static RandomCalendar calendar(Random random, List<ZoneId> zones) {
    ZoneId zone = zones.get(random.nextInt(zones.size()));
    BusinessCalendar.Builder builder = BusinessCalendar.builder(zone);
    List<Shift> shifts = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      if (random.nextInt(5) == 0) { // an overnight shift, alone on its day
        shifts.add(new Shift(day, LocalTime.of(18 + random.nextInt(5), 15 * random.nextInt(4)),
            LocalTime.of(random.nextInt(6), 15 * random.nextInt(4))));
      } else { // a morning and maybe an afternoon
        int morningStart = 6 + random.nextInt(4);
        int morningEnd = morningStart + 1 + random.nextInt(4);
        shifts.add(new Shift(day, LocalTime.of(morningStart, 30 * random.nextInt(2)), LocalTime.of(morningEnd, 0)));
        if (random.nextBoolean()) {
          shifts.add(new Shift(day, LocalTime.of(morningEnd + 1, 0), LocalTime.of(morningEnd + 2 + random.nextInt(5), 45)));
        }
      }
    }
    if (shifts.isEmpty()) {
      shifts.add(new Shift(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    }
    shifts.forEach(s -> builder.hours(s.day(), s.start(), s.end()));
    Set<LocalDate> closed = new HashSet<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      closed.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(380)));
    }
    builder.closedOn(closed.toArray(LocalDate[]::new));
    return new RandomCalendar(builder.build(), zone, shifts, closed);
  }

  /** A minute in 2026, with extra weight on the days around the DST changes. */
  private static Instant start(Random random) {
    LocalDateTime base = random.nextInt(3) == 0
        ? LocalDateTime.of(2026, random.nextBoolean() ? 3 : 10, 24 + random.nextInt(5), 0, 0).minusDays(17)
        : LocalDateTime.of(2026, 1, 1, 0, 0).plusDays(random.nextInt(365));
    return base.plusMinutes(random.nextInt(24 * 60)).toInstant(java.time.ZoneOffset.UTC);
  }

  private static void forEachTry(Consumer<Random> check) {
    long seed = Long.getLong("tact.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < TRIES; i++) {
      try {
        check.accept(random);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("try " + i + " with -Dtact.fuzz.seed=" + seed + " failed: " + e.getMessage(), e);
      }
    }
  }
}
