package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples; every expected instant is computed by hand in the comment beside it. */
class BusinessCalendarTests {

  private static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final WorkingHours NINE_TO_FIVE = WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:00", "17:00");
  private static final WorkingHours ALWAYS = WorkingHours.on(WorkingHours.EVERY_DAY, "00:00", "00:00");
  private static final BusinessCalendar MANITOBA =
      BusinessCalendar.of(WINNIPEG, NINE_TO_FIVE, PublicHolidaySetting.of("CA", "mb"));

  private static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  private static Duration hours(double hours) {
    return Duration.ofSeconds(Math.round(hours * 3600));
  }

  @Test
  void shouldBeDueOnTuesdayWhenWinnipegGetsAMessageLateOnTheFridayBeforeThanksgiving() {
    Instant due = MANITOBA.addBusinessTime(at("2011-10-07T16:30", WINNIPEG), hours(4));

    // Friday 16:30–17:00 (0.5 h), weekend, Thanksgiving Monday, Tuesday 09:00–12:30 (3.5 h)
    assertThat(due.atZone(WINNIPEG)).isEqualTo(ZonedDateTime.of(2011, 10, 11, 12, 30, 0, 0, WINNIPEG));
    assertThat(MANITOBA.businessTimeBetween(at("2011-10-07T16:30", WINNIPEG), due)).isEqualTo(hours(4));
  }

  @Test
  void shouldWarnAtThreeQuartersWhenTheTargetIsFourHours() {
    // 3 h: Friday 0.5 h, Tuesday 09:00 + 2.5 h
    assertThat(MANITOBA.warningAt(at("2011-10-07T16:30", WINNIPEG), hours(4), 0.75))
        .isEqualTo(at("2011-10-11T11:30", WINNIPEG));
  }

  @Test
  void shouldWaitForTheNextWorkingDayWhenStartingInsideAHoliday() {
    Instant thanksgiving = at("2011-10-10T10:00", WINNIPEG);

    assertThat(MANITOBA.isOpen(thanksgiving)).isFalse();
    assertThat(MANITOBA.nextOpening(thanksgiving)).isEqualTo(at("2011-10-11T09:00", WINNIPEG));
    assertThat(MANITOBA.addBusinessTime(thanksgiving, hours(1))).isEqualTo(at("2011-10-11T10:00", WINNIPEG));
  }

  @Test
  void shouldTreatClosingAsClosedAndOpeningAsOpenWhenStartingExactlyAtClosingTime() {
    Instant closing = at("2011-10-14T17:00", WINNIPEG);

    assertThat(MANITOBA.isOpen(closing)).isFalse();
    assertThat(MANITOBA.isOpen(at("2011-10-17T09:00", WINNIPEG))).isTrue();
    assertThat(MANITOBA.isOpen(at("2011-10-14T16:59:59", WINNIPEG))).isTrue();
    assertThat(MANITOBA.addBusinessTime(closing, hours(1))).isEqualTo(at("2011-10-17T10:00", WINNIPEG));
  }

  @Test
  void shouldReturnTheStartItselfWhenTheDurationIsZero() {
    Instant closed = at("2011-10-08T12:00", WINNIPEG);
    Instant open = at("2011-10-07T12:00:00.5", WINNIPEG);

    assertThat(MANITOBA.addBusinessTime(closed, Duration.ZERO)).isEqualTo(closed);
    assertThat(MANITOBA.addBusinessTime(open, Duration.ZERO)).isEqualTo(open);
  }

  @Test
  void shouldEndAtClosingWhenTheDurationFillsTheDayExactly() {
    assertThat(MANITOBA.addBusinessTime(at("2011-10-07T09:00", WINNIPEG), hours(8)))
        .isEqualTo(at("2011-10-07T17:00", WINNIPEG));
  }

  @Test
  void shouldCountOnlyWorkingDaysWhenTheRangeCoversAWeekendAndAHoliday() {
    // Friday 7 (8 h), Saturday, Sunday, Thanksgiving Monday 10, Tuesday 11 (8 h)
    assertThat(MANITOBA.businessTimeBetween(at("2011-10-07T00:00", WINNIPEG), at("2011-10-12T00:00", WINNIPEG)))
        .isEqualTo(hours(16));
    assertThat(MANITOBA.businessTimeBetween(at("2011-10-12T00:00", WINNIPEG), at("2011-10-07T00:00", WINNIPEG)))
        .isEqualTo(hours(-16));
  }

  @Test
  void shouldCloseOnTheObservedDateWhenAHolidayFallsOnASaturday() {
    // 4 July 2026 is a Saturday, observed on Friday 3 July in New York
    var newYork = BusinessCalendar.of(NEW_YORK, NINE_TO_FIVE, PublicHolidaySetting.of("US", "ny"));

    assertThat(newYork.addBusinessTime(at("2026-07-02T16:00", NEW_YORK), hours(2)))
        .isEqualTo(at("2026-07-06T10:00", NEW_YORK));
  }

  @Test
  void shouldLeaveBankHolidaysOpenWhenTheSettingExcludesThem() {
    // Canadian Thanksgiving is a bank holiday (not a public one) in Nova Scotia
    var withBank = BusinessCalendar.of(ZoneId.of("America/Halifax"), NINE_TO_FIVE, PublicHolidaySetting.of("CA", "ns"));
    var publicOnly = BusinessCalendar.of(ZoneId.of("America/Halifax"), NINE_TO_FIVE,
        new PublicHolidaySetting("CA", "ns", false));
    Instant thanksgivingMorning = at("2011-10-10T10:00", ZoneId.of("America/Halifax"));

    assertThat(withBank.isOpen(thanksgivingMorning)).isFalse();
    assertThat(publicOnly.isOpen(thanksgivingMorning)).isTrue();
  }

  @Test
  void shouldSplitTheCountWhenTheDayHasALunchBreak() {
    var paris = BusinessCalendar.of(PARIS, WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:00", "12:00")
        .and(WorkingHours.MONDAY_TO_FRIDAY, "13:00", "17:00"), PublicHolidaySetting.none());

    // 11:00–12:00, then 13:00–14:00
    assertThat(paris.addBusinessTime(at("2024-06-04T11:00", PARIS), hours(2))).isEqualTo(at("2024-06-04T14:00", PARIS));
    assertThat(paris.isOpen(at("2024-06-04T12:30", PARIS))).isFalse();
    assertThat(paris.businessTimeBetween(at("2024-06-04T00:00", PARIS), at("2024-06-05T00:00", PARIS)))
        .isEqualTo(hours(7));
  }

  @Test
  void shouldRunPastMidnightWhenTheShiftIsOvernight() {
    ZoneId london = ZoneId.of("Europe/London");
    var nights = BusinessCalendar.of(london, WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "22:00", "06:00"),
        PublicHolidaySetting.none());

    assertThat(nights.addBusinessTime(at("2024-06-05T23:00", london), hours(3)))
        .isEqualTo(at("2024-06-06T02:00", london));
    // Friday's shift runs until Saturday 06:00 (1 h); the next one starts on Monday 22:00 (2 h)
    assertThat(nights.addBusinessTime(at("2024-06-08T05:00", london), hours(3)))
        .isEqualTo(at("2024-06-11T00:00", london));
    assertThat(nights.isOpen(at("2024-06-09T02:00", london))).isFalse();
  }

  @Test
  void shouldDropTheShiftStartingOnAHolidayButKeepTheOneRunningIntoIt() {
    ZoneId london = ZoneId.of("Europe/London");
    var nights = new BusinessCalendar(london, WorkingHours.on(WorkingHours.EVERY_DAY, "22:00", "06:00"),
        PublicHolidaySetting.none(), List.of(Closure.day(LocalDate.of(2024, 6, 5))));

    assertThat(nights.isOpen(at("2024-06-05T03:00", london))).isTrue();
    assertThat(nights.isOpen(at("2024-06-05T23:00", london))).isFalse();
    assertThat(nights.nextOpening(at("2024-06-05T06:00", london))).isEqualTo(at("2024-06-06T22:00", london));
  }

  @Test
  void shouldCountTwentyThreeAndTwentyFiveHoursWhenNewYorkChangesClocks() {
    var always = BusinessCalendar.of(NEW_YORK, ALWAYS, PublicHolidaySetting.none());

    assertThat(always.businessTimeBetween(at("2024-03-10T00:00", NEW_YORK), at("2024-03-11T00:00", NEW_YORK)))
        .isEqualTo(hours(23));
    assertThat(always.businessTimeBetween(at("2024-11-03T00:00", NEW_YORK), at("2024-11-04T00:00", NEW_YORK)))
        .isEqualTo(hours(25));
  }

  @Test
  void shouldShortenTheNightShiftWhenNewYorkSpringsForward() {
    var nights = BusinessCalendar.of(NEW_YORK, WorkingHours.on(WorkingHours.EVERY_DAY, "22:00", "06:00"),
        PublicHolidaySetting.none());
    Instant saturdayNight = at("2024-03-09T22:00", NEW_YORK);

    // 22:00 EST (03:00Z) to 06:00 EDT (10:00Z): 7 hours
    assertThat(nights.addBusinessTime(saturdayNight, hours(7))).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
    assertThat(nights.addBusinessTime(saturdayNight, hours(8))).isEqualTo(at("2024-03-10T23:00", NEW_YORK));
  }

  @Test
  void shouldLengthenTheNightShiftWhenNewYorkFallsBack() {
    var nights = BusinessCalendar.of(NEW_YORK, WorkingHours.on(WorkingHours.EVERY_DAY, "22:00", "06:00"),
        PublicHolidaySetting.none());

    // 22:00 EDT (02:00Z) to 06:00 EST (11:00Z): 9 hours
    assertThat(nights.businessTimeBetween(Instant.parse("2024-11-02T12:00:00Z"), Instant.parse("2024-11-03T12:00:00Z")))
        .isEqualTo(hours(9));
  }

  @Test
  void shouldOpenWhenTheClocksJumpWhenBerlinsOpeningFallsIntoTheGap() {
    var sundays = BusinessCalendar.of(BERLIN, WorkingHours.on(Set.of(DayOfWeek.SUNDAY), "02:30", "04:00"),
        PublicHolidaySetting.none());

    // 31 March 2024: 02:00 CET jumps to 03:00 CEST at 01:00Z; 04:00 CEST is 02:00Z
    assertThat(sundays.nextOpening(Instant.parse("2024-03-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
    // one hour that Sunday, then 02:30 CEST on 7 April (00:30Z) plus 30 minutes
    assertThat(sundays.addBusinessTime(Instant.parse("2024-03-31T00:00:00Z"), hours(1.5)))
        .isEqualTo(Instant.parse("2024-04-07T01:00:00Z"));
  }

  @Test
  void shouldOpenAtTheFirstOccurrenceWhenBerlinsOpeningFallsIntoTheOverlap() {
    var sundays = BusinessCalendar.of(BERLIN, WorkingHours.on(Set.of(DayOfWeek.SUNDAY), "02:30", "04:00"),
        PublicHolidaySetting.none());

    // 27 October 2024: 02:30 CEST is 00:30Z, 04:00 CET is 03:00Z
    assertThat(sundays.nextOpening(Instant.parse("2024-10-27T00:00:00Z")))
        .isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    assertThat(sundays.businessTimeBetween(Instant.parse("2024-10-27T00:00:00Z"),
        Instant.parse("2024-10-28T00:00:00Z")))
        .isEqualTo(hours(2.5));
  }

  @Test
  void shouldCountHalfHourOffsetsWhenTheTeamIsInKolkata() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    var india = BusinessCalendar.of(kolkata, NINE_TO_FIVE, PublicHolidaySetting.none());

    // Monday 3 June 2024, 03:00Z is 08:30 IST: opens 09:00 IST (03:30Z), one hour later is 04:30Z
    assertThat(india.addBusinessTime(Instant.parse("2024-06-03T03:00:00Z"), hours(1)))
        .isEqualTo(Instant.parse("2024-06-03T04:30:00Z"));
  }

  @Test
  void shouldCountQuarterHourOffsetsWhenTheTeamIsInKathmandu() {
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
    var nepal = BusinessCalendar.of(kathmandu, NINE_TO_FIVE, PublicHolidaySetting.none());

    // 00:00Z is 05:45 NPT; 09:00–17:00 NPT is 03:15Z–11:15Z
    assertThat(nepal.addBusinessTime(Instant.parse("2024-06-03T00:00:00Z"), hours(8)))
        .isEqualTo(Instant.parse("2024-06-03T11:15:00Z"));
    assertThat(nepal.isOpen(Instant.parse("2024-06-03T03:14:59Z"))).isFalse();
  }

  @Test
  void shouldFollowNewfoundlandsHalfHourOffsetAcrossItsSpringForward() {
    ZoneId stJohns = ZoneId.of("America/St_Johns");
    var newfoundland = BusinessCalendar.of(stJohns, NINE_TO_FIVE, PublicHolidaySetting.none());

    // Friday 8 March 2024 16:00 NST (19:30Z): 1 h, then Monday 11 March 09:00 NDT (11:30Z) + 1 h
    assertThat(newfoundland.addBusinessTime(Instant.parse("2024-03-08T19:30:00Z"), hours(2)))
        .isEqualTo(Instant.parse("2024-03-11T12:30:00Z"));
  }

  @Test
  void shouldCountTwentyFiveHoursWhenAdelaideEndsSummerTime() {
    ZoneId adelaide = ZoneId.of("Australia/Adelaide");
    var always = BusinessCalendar.of(adelaide, ALWAYS, PublicHolidaySetting.none());

    assertThat(always.businessTimeBetween(at("2024-04-07T00:00", adelaide), at("2024-04-08T00:00", adelaide)))
        .isEqualTo(hours(25));
  }

  @Test
  void shouldSkipTheClosureWhenAnOutageWindowOrADayOffIsSet() {
    var paris = new BusinessCalendar(PARIS, WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:00", "12:00")
        .and(WorkingHours.MONDAY_TO_FRIDAY, "13:00", "17:00"), PublicHolidaySetting.none(), List.of(
            Closure.between(at("2024-06-04T10:00", PARIS), at("2024-06-04T11:30", PARIS)),
            Closure.day(LocalDate.of(2024, 6, 5))));

    // Tuesday 09:00–10:00, 11:30–12:00, 13:00–13:30
    assertThat(paris.addBusinessTime(at("2024-06-04T09:00", PARIS), hours(2))).isEqualTo(at("2024-06-04T13:30", PARIS));
    // Tuesday 16:00–17:00, Wednesday off, Thursday 09:00–10:00
    assertThat(paris.addBusinessTime(at("2024-06-04T16:00", PARIS), hours(2))).isEqualTo(at("2024-06-06T10:00", PARIS));
  }

  @Test
  void shouldReachTheFiftiethFridayWhenAddingTwoThousandHoursToAFortyHourWeek() {
    var utc = BusinessCalendar.of(ZoneId.of("UTC"), NINE_TO_FIVE, PublicHolidaySetting.none());

    // 2,000 h / 40 h = 50 weeks from Monday 1 January 2024: Friday 13 December 2024 at 17:00
    assertThat(utc.addBusinessTime(Instant.parse("2024-01-01T09:00:00Z"), hours(2000)))
        .isEqualTo(Instant.parse("2024-12-13T17:00:00Z"));
  }

  @Test
  void shouldRejectTheCalendarWhenItHasNoWorkingTimeOrOverlaps() {
    assertThatThrownBy(() -> BusinessCalendar.of(WINNIPEG, new WorkingHours(List.of()), PublicHolidaySetting.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time");
    assertThatThrownBy(() -> BusinessCalendar.of(WINNIPEG, NINE_TO_FIVE.and(Set.of(DayOfWeek.MONDAY), "16:00", "18:00"),
        PublicHolidaySetting.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    assertThatThrownBy(() -> BusinessCalendar.of(WINNIPEG,
        WorkingHours.on(Set.of(DayOfWeek.SUNDAY), "20:00", "10:00").and(Set.of(DayOfWeek.MONDAY), "09:00", "17:00"),
        PublicHolidaySetting.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    assertThatThrownBy(() -> BusinessCalendar.of(WINNIPEG, NINE_TO_FIVE, PublicHolidaySetting.of("XX", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XX");
  }

  @Test
  void shouldRejectANegativeDurationWhenAdding() {
    assertThatThrownBy(() -> MANITOBA.addBusinessTime(Instant.EPOCH, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepSubSecondPrecisionWhenTheStartHasNanoseconds() {
    Instant start = at("2011-10-07T16:59:59.750", WINNIPEG);

    assertThat(MANITOBA.addBusinessTime(start, Duration.ofMillis(500)))
        .isEqualTo(at("2011-10-11T09:00:00.250", WINNIPEG));
  }

  @Test
  void shouldCountBusinessTimeFromTheFirstKnownYearWhenAnInstantIsFarAway() {
    var utc = BusinessCalendar.of(ZoneId.of("UTC"), ALWAYS, PublicHolidaySetting.none());

    assertThat(utc.isOpen(Instant.parse("1850-01-01T00:00:00Z"))).isFalse();
    assertThat(utc.nextOpening(Instant.MIN)).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
    assertThat(utc.businessTimeBetween(Instant.MIN, Instant.parse("1900-01-02T00:00:00Z"))).isEqualTo(hours(24));
    assertThatThrownBy(() -> utc.addBusinessTime(Instant.MAX, hours(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldOpenAtSlashedTimesWhenTheLocalTimeHasSeconds() {
    var odd = BusinessCalendar.of(WINNIPEG, new WorkingHours(List.of(
        new WorkingHours.Interval(DayOfWeek.MONDAY, LocalTime.of(9, 0, 30), LocalTime.of(9, 1)))),
        PublicHolidaySetting.none());

    assertThat(odd.addBusinessTime(at("2024-06-03T00:00", WINNIPEG), Duration.ofSeconds(30)))
        .isEqualTo(at("2024-06-03T09:01", WINNIPEG));
  }
}
