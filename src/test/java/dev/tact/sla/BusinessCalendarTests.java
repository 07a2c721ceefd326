package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.calendar.PublicHolidays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Worked examples of business time, each computed by hand. */
class BusinessCalendarTests {

  private static final PublicHolidays HOLIDAYS = new PublicHolidays();
  private static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");

  private static BusinessCalendar nineToFive(ZoneId zone) {
    return BusinessCalendar.builder(zone).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
  }

  private static Instant at(ZoneId zone, int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(zone).toInstant();
  }

  @Test
  void shouldSkipTheWeekendAndThanksgivingInWinnipeg() {
    BusinessCalendar team = BusinessCalendar.builder(WINNIPEG).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .publicHolidays(HOLIDAYS, "CA", "mb").build();

    Instant due = team.addBusinessTime(at(WINNIPEG, 2011, 10, 7, 16, 30), Duration.ofHours(4));

    assertThat(due).isEqualTo(at(WINNIPEG, 2011, 10, 11, 12, 30));
    assertThat(team.isOpen(at(WINNIPEG, 2011, 10, 10, 11, 0))).as("Thanksgiving").isFalse();
    assertThat(team.businessTimeBetween(at(WINNIPEG, 2011, 10, 7, 16, 30), due)).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void shouldStartCountingAtTheNextOpeningWhenAMessageArrivesAtNight() {
    BusinessCalendar team = nineToFive(WINNIPEG);

    assertThat(team.addBusinessTime(at(WINNIPEG, 2026, 11, 24, 22, 0), Duration.ofMinutes(90)))
        .isEqualTo(at(WINNIPEG, 2026, 11, 25, 10, 30));
    assertThat(team.nextOpening(at(WINNIPEG, 2026, 11, 28, 12, 0))).as("Saturday noon")
        .isEqualTo(at(WINNIPEG, 2026, 11, 30, 9, 0));
    assertThat(team.nextOpening(at(WINNIPEG, 2026, 11, 25, 11, 0))).as("already open")
        .isEqualTo(at(WINNIPEG, 2026, 11, 25, 11, 0));
  }

  @Test
  void shouldBeDueAtClosingWhenTheTargetEndsExactlyThere() {
    BusinessCalendar team = nineToFive(WINNIPEG);

    assertThat(team.addBusinessTime(at(WINNIPEG, 2026, 11, 25, 13, 0), Duration.ofHours(4)))
        .isEqualTo(at(WINNIPEG, 2026, 11, 25, 17, 0));
    assertThat(team.addBusinessTime(at(WINNIPEG, 2026, 11, 25, 17, 0), Duration.ofMinutes(1)))
        .as("starting at closing time").isEqualTo(at(WINNIPEG, 2026, 11, 26, 9, 1));
  }

  @Test
  void shouldCountASplitDayAndAnOvernightShift() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BusinessCalendar split = BusinessCalendar.builder(berlin)
        .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
        .hours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)).build();
    assertThat(split.addBusinessTime(at(berlin, 2026, 11, 23, 11, 0), Duration.ofHours(2)))
        .isEqualTo(at(berlin, 2026, 11, 23, 14, 0));

    BusinessCalendar nights = BusinessCalendar.builder(berlin)
        .hours(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)).build();
    assertThat(nights.isOpen(at(berlin, 2026, 11, 28, 3, 0))).as("Saturday 03:00, Friday's night shift").isTrue();
    assertThat(nights.addBusinessTime(at(berlin, 2026, 11, 28, 5, 0), Duration.ofHours(2)))
        .as("one hour left on Friday's shift, one on the next Friday's")
        .isEqualTo(at(berlin, 2026, 12, 4, 23, 0));
  }

  @Test
  void shouldKeepEightWorkingHoursOnTheDaysClocksChange() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar team = nineToFive(newYork);
    // Sunday 8 March 2026 clocks go forward at 02:00; Friday 17:00 + 8 h = Monday 17:00
    assertThat(team.addBusinessTime(at(newYork, 2026, 3, 6, 17, 0), Duration.ofHours(8)))
        .isEqualTo(at(newYork, 2026, 3, 9, 17, 0));

    BusinessCalendar nights = BusinessCalendar.builder(newYork)
        .hours(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)).build();
    // Saturday 22:00 to Sunday 06:00 across the spring-forward gap is 7 hours, not 8
    assertThat(nights.businessTimeBetween(at(newYork, 2026, 3, 7, 21, 0), at(newYork, 2026, 3, 8, 7, 0)))
        .isEqualTo(Duration.ofHours(7));
    // and 9 hours across the fall-back overlap (1 November 2026)
    assertThat(nights.businessTimeBetween(at(newYork, 2026, 10, 31, 21, 0), at(newYork, 2026, 11, 1, 7, 0)))
        .isEqualTo(Duration.ofHours(9));
  }

  @Test
  void shouldWorkInZonesWithHalfAndQuarterHourOffsets() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");

    assertThat(nineToFive(kolkata).addBusinessTime(Instant.parse("2026-11-23T03:00:00Z"), Duration.ofHours(2)))
        .as("08:30 in Kolkata: counting starts at 09:00").isEqualTo(at(kolkata, 2026, 11, 23, 11, 0));
    assertThat(nineToFive(kathmandu).addBusinessTime(Instant.parse("2026-11-23T11:00:00Z"), Duration.ofHours(1)))
        .as("16:45 in Kathmandu").isEqualTo(at(kathmandu, 2026, 11, 24, 9, 45));
  }

  @Test
  void shouldSkipCompanyDaysOffAndClosedHours() {
    Instant outageFrom = at(WINNIPEG, 2026, 11, 25, 10, 0);
    BusinessCalendar team = BusinessCalendar.builder(WINNIPEG).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .closedOn(LocalDate.of(2026, 11, 26)).closed(outageFrom, outageFrom.plus(Duration.ofHours(2))).build();

    assertThat(team.addBusinessTime(at(WINNIPEG, 2026, 11, 25, 9, 0), Duration.ofHours(2)))
        .as("one hour before the outage, one after").isEqualTo(at(WINNIPEG, 2026, 11, 25, 13, 0));
    assertThat(team.addBusinessTime(at(WINNIPEG, 2026, 11, 25, 16, 0), Duration.ofHours(2)))
        .as("Thursday is a day off").isEqualTo(at(WINNIPEG, 2026, 11, 27, 10, 0));
    assertThat(team.warningAt(at(WINNIPEG, 2026, 11, 27, 9, 0), Duration.ofHours(4), 0.75))
        .isEqualTo(at(WINNIPEG, 2026, 11, 27, 12, 0));
  }

  @Test
  void shouldCountAWeekWithAHolidayBetweenTwoInstants() {
    BusinessCalendar team = BusinessCalendar.builder(WINNIPEG).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .publicHolidays(HOLIDAYS, "CA", "mb").build();

    assertThat(team.businessTimeBetween(at(WINNIPEG, 2011, 10, 7, 0, 0), at(WINNIPEG, 2011, 10, 15, 0, 0)))
        .as("Friday 7, then Tuesday to Friday (Monday 10 is Thanksgiving)").isEqualTo(Duration.ofHours(40));
    assertThat(team.addBusinessTime(at(WINNIPEG, 2011, 10, 7, 9, 0), Duration.ofHours(2_000))).isAfter(
        at(WINNIPEG, 2012, 9, 1, 0, 0));
  }

  @Test
  void shouldRefuseACalendarWithoutWorkingHoursOrANegativeTarget() {
    assertThatThrownBy(() -> BusinessCalendar.builder(WINNIPEG).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BusinessCalendar.builder(WINNIPEG)
        .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
        .hours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(17, 0)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    assertThatThrownBy(() -> BusinessCalendar.builder(WINNIPEG)
        .hours(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.of(7, 0))
        .hours(DayOfWeek.MONDAY, LocalTime.of(6, 0), LocalTime.of(14, 0)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overnight");
    assertThatThrownBy(() -> nineToFive(WINNIPEG).addBusinessTime(Instant.EPOCH, Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    BusinessCalendar alwaysClosed = BusinessCalendar.builder(WINNIPEG)
        .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)).closedOn().build();
    BusinessCalendar neverOpen = BusinessCalendar.builder(WINNIPEG)
        .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
        .closed(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")).build();
    assertThat(alwaysClosed.addBusinessTime(at(WINNIPEG, 2026, 11, 23, 9, 0), Duration.ofHours(1)))
        .isEqualTo(at(WINNIPEG, 2026, 11, 23, 10, 0));
    assertThatThrownBy(() -> neverOpen.addBusinessTime(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
