package dev.tact.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Random team calendars and instants for the property tests, and the seeded loop that runs a property. */
final class RandomCalendars {

  static final List<ZoneId> ZONES = List.of("America/New_York", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu",
      "Australia/Adelaide", "America/St_Johns", "America/Winnipeg", "Australia/Lord_Howe", "UTC").stream()
      .map(ZoneId::of).toList();
  static final List<PublicHolidaySetting> HOLIDAYS = List.of(PublicHolidaySetting.none(),
      PublicHolidaySetting.of("CA", "mb"), new PublicHolidaySetting("US", "ny", false),
      PublicHolidaySetting.of("DE", "by"),
      PublicHolidaySetting.of("AU", "sa"));
  static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  static final long SPAN_MINUTES = Duration.between(FROM, Instant.parse("2026-01-01T00:00:00Z")).toMinutes();

  private RandomCalendars() {}

  /**
   * Runs the property {@code tries} times, each with its own seeded Random (base seed from {@code -Dsla.seed} or
   * the clock); a failure names the seed that reproduces it.
   */
  static void forAll(int tries, Consumer<Random> property) {
    long base = Long.getLong("sla.seed", System.nanoTime());
    for (int i = 0; i < tries; i++) {
      long seed = base + i;
      try {
        property.accept(new Random(seed));
      } catch (AssertionError | RuntimeException failure) {
        throw new AssertionError("failed with seed " + seed + " (rerun with -Dsla.seed=" + seed + ", try 1): "
            + failure.getMessage(), failure);
      }
    }
  }

  /** Weekly hours of 1 to 7 intervals on whole minutes (some overnight, some a whole day), at least 15 h a week. */
  static WorkingHours hours(Random random) {
    while (true) {
      int count = 1 + random.nextInt(7);
      TreeSet<Integer> points = new TreeSet<>();
      while (points.size() < 2 * count) {
        // half the boundaries fall between 01:00 and 04:00, where clocks change
        points.add(random.nextBoolean() ? random.nextInt(7 * 1440)
            : random.nextInt(7) * 1440 + 60 + random.nextInt(180));
      }
      Integer[] sorted = points.toArray(Integer[]::new);
      List<WorkingHours.Interval> intervals = new ArrayList<>();
      int total = 0;
      for (int i = 0; i < count; i++) {
        int start = sorted[2 * i];
        int length = Math.min(1440, sorted[2 * i + 1] - start);
        total += length;
        intervals.add(new WorkingHours.Interval(DayOfWeek.of(start / 1440 + 1), LocalTime.ofSecondOfDay(
            start % 1440 * 60L), LocalTime.ofSecondOfDay((start + length) % 1440 * 60L)));
      }
      if (total >= 15 * 60) {
        return new WorkingHours(intervals);
      }
    }
  }

  /** Up to three closed dates and three closed ranges (1 to 72 hours, whole minutes) in 2024–2025. */
  static List<Closure> closures(Random random) {
    List<Closure> closures = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      closures.add(Closure.day(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730))));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      Instant from = minute(random);
      closures.add(Closure.between(from, from.plus(Duration.ofMinutes(60 + random.nextInt(71 * 60)))));
    }
    return closures;
  }

  static BusinessCalendar calendar(Random random) {
    return new BusinessCalendar(ZONES.get(random.nextInt(ZONES.size())), hours(random),
        HOLIDAYS.get(random.nextInt(HOLIDAYS.size())), closures(random));
  }

  /** A whole minute in 2024–2025. */
  static Instant minute(Random random) {
    return FROM.plus(Duration.ofMinutes((long) (random.nextDouble() * SPAN_MINUTES)));
  }

  /** A whole minute in 2024–2025; one in three is within two days before a clock change of the zone. */
  static Instant minute(Random random, ZoneId zone) {
    Instant minute = minute(random);
    var change = zone.getRules().nextTransition(minute);
    if (random.nextInt(3) == 0 && change != null) {
      return change.getInstant().minus(Duration.ofMinutes(random.nextInt(2 * 24 * 60)));
    }
    return minute;
  }

  /** Any instant in 2024–2025, to the nanosecond; one in four is a whole minute (often a boundary). */
  static Instant instant(Random random) {
    Instant minute = minute(random);
    return random.nextInt(4) == 0 ? minute : minute.plusNanos((long) (random.nextDouble() * 60e9));
  }

  /** A business duration up to {@code maxHours}, to the nanosecond; zero now and then. */
  static Duration duration(Random random, int maxHours) {
    return switch (random.nextInt(8)) {
      case 0 -> Duration.ZERO;
      case 1 -> Duration.ofMinutes(random.nextInt(maxHours * 60 + 1));
      default -> Duration.ofNanos((long) (random.nextDouble() * maxHours * 3600e9));
    };
  }
}
