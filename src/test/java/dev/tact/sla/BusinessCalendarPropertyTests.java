package dev.tact.sla;

import static dev.tact.sla.RandomCalendars.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties of the business-time arithmetic over random calendars (zones with DST, half- and quarter-hour offsets
 * and Lord Howe's half-hour DST; split, overnight and whole-day intervals; holidays; closures), each with a seeded
 * Random: a failure prints the seed ({@code -Dsla.seed=...} replays it).
 */
class BusinessCalendarPropertyTests {

  private static final int TRIES = 2_000;

  @Test
  void shouldNeverComeEarlierWhenTheDurationGrows() {
    forAll(TRIES, random -> {
      BusinessCalendar calendar = RandomCalendars.calendar(random);
      Instant start = RandomCalendars.instant(random);
      Duration shorter = RandomCalendars.duration(random, 2_000);
      Duration longer = shorter.plus(RandomCalendars.duration(random, 100));

      assertThat(calendar.addBusinessTime(start, longer)).as("%s from %s", calendar, start)
          .isAfterOrEqualTo(calendar.addBusinessTime(start, shorter));
    });
  }

  @Test
  void shouldMeasureBackTheDurationWhenMeasuringUpToTheDueInstant() {
    forAll(TRIES, random -> {
      BusinessCalendar calendar = RandomCalendars.calendar(random);
      Instant start = RandomCalendars.instant(random);
      Duration duration = RandomCalendars.duration(random, 2_000);

      assertThat(calendar.businessTimeBetween(start, calendar.addBusinessTime(start, duration)))
          .as("%s from %s plus %s", calendar, start, duration).isEqualTo(duration);
    });
  }

  @Test
  void shouldGiveTheSameDueInstantWhenAddingInTwoSteps() {
    forAll(TRIES, random -> {
      BusinessCalendar calendar = RandomCalendars.calendar(random);
      Instant start = RandomCalendars.instant(random);
      Duration first = RandomCalendars.duration(random, 500);
      Duration second = RandomCalendars.duration(random, 500);

      assertThat(calendar.addBusinessTime(calendar.addBusinessTime(start, first), second))
          .as("%s from %s plus %s plus %s", calendar, start, first, second)
          .isEqualTo(calendar.addBusinessTime(start, first.plus(second)));
    });
  }

  /**
   * The due instant of a positive duration is after the start, and the clock ran in the nanosecond before it: it is
   * open or exactly a closing instant, never inside a closed period. A zero duration is due at the start itself,
   * open or not. From a closed start, counting begins at the next opening.
   */
  @Test
  void shouldFallDueInsideOrAtTheEndOfAnOpenPeriodWhenTheDurationIsPositive() {
    forAll(TRIES, random -> {
      BusinessCalendar calendar = RandomCalendars.calendar(random);
      Instant start = RandomCalendars.instant(random);
      Duration duration = RandomCalendars.duration(random, 200);
      Instant due = calendar.addBusinessTime(start, duration);

      if (duration.isZero()) {
        assertThat(due).isEqualTo(start);
      } else {
        assertThat(due).as("%s from %s plus %s", calendar, start, duration).isAfter(start);
        assertThat(calendar.isOpen(due.minusNanos(1))).as("%s: due %s", calendar, due).isTrue();
        assertThat(calendar.addBusinessTime(calendar.nextOpening(start), duration)).isEqualTo(due);
        assertThat(calendar.isOpen(calendar.nextOpening(start))).isTrue();
      }
    });
  }

  @Test
  void shouldAddUpWhenARangeIsSplitInTwo() {
    forAll(TRIES, random -> {
      BusinessCalendar calendar = RandomCalendars.calendar(random);
      List<Instant> instants = List.of(RandomCalendars.instant(random), RandomCalendars.instant(random),
          RandomCalendars.instant(random)).stream().sorted().toList();

      assertThat(calendar.businessTimeBetween(instants.get(0), instants.get(2))).as("%s over %s", calendar, instants)
          .isEqualTo(calendar.businessTimeBetween(instants.get(0), instants.get(1))
              .plus(calendar.businessTimeBetween(instants.get(1), instants.get(2))));
    });
  }

  @Test
  void shouldAgreeWithAMinuteByMinuteWalkWhenDurationsAreShort() {
    forAll(TRIES, random -> {
      BusinessCalendar calendar = RandomCalendars.calendar(random);
      MinuteWalk reference = new MinuteWalk(calendar);
      Instant start = RandomCalendars.minute(random, calendar.zone());
      Duration duration = Duration.ofMinutes(random.nextInt(4 * 60 + 1));
      Instant end = start.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));

      assertThat(calendar.addBusinessTime(start, duration)).as("%s from %s plus %s", calendar, start, duration)
          .isEqualTo(reference.add(start, duration));
      assertThat(calendar.businessTimeBetween(start, end)).as("%s from %s to %s", calendar, start, end)
          .isEqualTo(reference.between(start, end));
      assertThat(calendar.isOpen(start)).as("%s at %s", calendar, start).isEqualTo(reference.isOpen(start));
    });
  }
}
