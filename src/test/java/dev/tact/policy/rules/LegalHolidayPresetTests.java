package dev.tact.policy.rules;

import static dev.tact.policy.Purpose.MARKETING;
import static dev.tact.policy.rules.Facts.ask;
import static dev.tact.policy.rules.Facts.at;
import static dev.tact.policy.rules.Facts.caller;
import static dev.tact.shared.Channel.PHONE;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.Decision;
import dev.tact.policy.Decision.Outcome;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.PolicySettings.Cap;
import dev.tact.policy.Region;
import dev.tact.shared.calendar.PublicHolidays;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Point 3 of issue 14: each legal preset's named holidays, checked against the calendar it uses. The holidays and
 * their date rules are written here from the statutes (R.I. Gen. Laws 25-1-1 and 5 U.S.C. 6103; Ala. Code 1-3-8;
 * La. R.S. 1:55(A)(1)), with dates from the states' published calendars, independently of the presets' lists.
 */
class LegalHolidayPresetTests {

  private static final PublicHolidays JOLLYDAY = PublicHolidays.shared();
  /** Only the presets hold the clock. */
  private static final PolicySettings PRESETS = PolicySettings.defaults().withQuietHours(Map.of())
      .withNoMarketingOnWeekends(Set.of()).withNoMarketingOnHolidays(Set.of()).withMarketingCap(new Cap(0, Duration.ZERO));
  private static final RuleBasedContactPolicy POLICY = new RuleBasedContactPolicy(RuleBook.standard(PRESETS));

  private static IntFunction<LocalDate> nth(int n, java.time.DayOfWeek day, Month month) {
    return year -> LocalDate.of(year, month, 1).with(n < 0 ? TemporalAdjusters.lastInMonth(day)
        : TemporalAdjusters.dayOfWeekInMonth(n, day));
  }

  private static IntFunction<LocalDate> fixed(Month month, int day) {
    return year -> LocalDate.of(year, month, day);
  }

  /** Mardi Gras from the published Easter dates (Ash Wednesday − 1). */
  private static final Map<Integer, LocalDate> MARDI_GRAS = Map.of(2011, LocalDate.of(2011, 3, 8),
      2024, LocalDate.of(2024, 2, 13), 2025, LocalDate.of(2025, 3, 4), 2026, LocalDate.of(2026, 2, 17),
      2027, LocalDate.of(2027, 2, 9));
  private static final Map<Integer, LocalDate> GOOD_FRIDAY = Map.of(2011, LocalDate.of(2011, 4, 22),
      2024, LocalDate.of(2024, 3, 29), 2025, LocalDate.of(2025, 4, 18), 2026, LocalDate.of(2026, 4, 3),
      2027, LocalDate.of(2027, 3, 26));
  private static final List<Integer> YEARS = List.of(2011, 2024, 2025, 2026, 2027);

  private static Map<String, IntFunction<LocalDate>> rhodeIsland() {
    Map<String, IntFunction<LocalDate>> named = federal();
    named.put("Victory Day", nth(2, MONDAY, Month.AUGUST));
    return named;
  }

  private static Map<String, IntFunction<LocalDate>> federal() {
    Map<String, IntFunction<LocalDate>> named = new LinkedHashMap<>();
    named.put("New Year's Day", fixed(Month.JANUARY, 1));
    named.put("Martin Luther King Jr. Day", nth(3, MONDAY, Month.JANUARY));
    named.put("Washington's Birthday", nth(3, MONDAY, Month.FEBRUARY));
    named.put("Memorial Day", nth(-1, MONDAY, Month.MAY));
    named.put("Independence Day", fixed(Month.JULY, 4));
    named.put("Labor Day", nth(1, MONDAY, Month.SEPTEMBER));
    named.put("Columbus Day", nth(2, MONDAY, Month.OCTOBER));
    named.put("Veterans Day", fixed(Month.NOVEMBER, 11));
    named.put("Thanksgiving Day", nth(4, THURSDAY, Month.NOVEMBER));
    named.put("Christmas Day", fixed(Month.DECEMBER, 25));
    return named;
  }

  private static Map<String, IntFunction<LocalDate>> alabama() {
    Map<String, IntFunction<LocalDate>> named = federal();
    named.put("Mardi Gras", MARDI_GRAS::get);
    named.put("Confederate Memorial Day", nth(4, MONDAY, Month.APRIL));
    named.put("Jefferson Davis' Birthday", nth(1, MONDAY, Month.JUNE));
    return named;
  }

  private static Map<String, IntFunction<LocalDate>> louisiana() {
    Map<String, IntFunction<LocalDate>> named = federal();
    named.put("Battle of New Orleans", fixed(Month.JANUARY, 8));
    named.put("Mardi Gras", MARDI_GRAS::get);
    named.put("Good Friday", GOOD_FRIDAY::get);
    named.put("Huey P. Long Day", fixed(Month.AUGUST, 30));
    named.put("All Saints' Day", fixed(Month.NOVEMBER, 1));
    return named;
  }

  /** The named holidays the preset does not close on, and (for the message) those Jollyday lacks. */
  private static List<String> notClosed(CallingWindowPreset preset, Region region,
      Map<String, IntFunction<LocalDate>> named, List<String> missingFromJollyday) {
    List<String> open = new ArrayList<>();
    named.forEach((name, rule) -> {
      for (int year : YEARS) {
        LocalDate date = rule.apply(year);
        if (JOLLYDAY.on(region.country(), region.subdivision(), date).isEmpty()
            && !missingFromJollyday.contains(name)) {
          missingFromJollyday.add(name);
        }
        if (preset.holidayOn(date, List.of(region), JOLLYDAY).isEmpty()) {
          open.add(name + " " + date);
        }
      }
    });
    return open;
  }

  @Test
  void shouldCloseOnEveryStateAndFederalHolidayWhenTheContactIsInRhodeIsland() {
    List<String> missing = new ArrayList<>();
    assertThat(notClosed(CallingWindowPreset.RHODE_ISLAND, new Region("US", "ri"), rhodeIsland(), missing)).isEmpty();
    assertThat(missing).as("named holidays Jollyday does not give as public holidays in Rhode Island")
        .contains("Victory Day");

    Decision victoryDay = POLICY.decide(ask(PHONE, MARKETING, "x", at("2026-08-10T11:00", "America/New_York")),
        caller("America/New_York", "US", "ri").build());
    assertThat(victoryDay.outcome()).isEqualTo(Outcome.DEFER);
    assertThat(victoryDay.notBefore()).isEqualTo(at("2026-08-11T09:00", "America/New_York"));
    assertThat(victoryDay.summary()).contains("Victory Day");
  }

  @Test
  void shouldCloseOnEveryStateHolidayWhenTheContactIsInAlabama() {
    List<String> missing = new ArrayList<>();
    assertThat(notClosed(CallingWindowPreset.ALABAMA, new Region("US", "al"), alabama(), missing)).isEmpty();
    assertThat(missing).contains("Confederate Memorial Day", "Jefferson Davis' Birthday");

    Decision memorial = POLICY.decide(ask(PHONE, MARKETING, "x", at("2026-04-27T11:00", "America/Chicago")),
        caller("America/Chicago", "US", "al").build());
    assertThat(memorial.notBefore()).as(memorial.summary()).isEqualTo(at("2026-04-28T08:00", "America/Chicago"));
    assertThat(memorial.summary()).contains("Confederate Memorial Day");
  }

  @Test
  void shouldCloseOnEveryLegalHolidayWhenTheContactIsInLouisiana() {
    List<String> missing = new ArrayList<>();
    assertThat(notClosed(CallingWindowPreset.LOUISIANA, new Region("US", "la"), louisiana(), missing)).isEmpty();
    assertThat(missing).contains("Huey P. Long Day", "All Saints' Day", "Good Friday");

    Decision goodFriday = POLICY.decide(ask(PHONE, MARKETING, "x", at("2026-04-03T11:00", "America/Chicago")),
        caller("America/Chicago", "US", "la").build());
    assertThat(goodFriday.notBefore()).as(goodFriday.summary()).isEqualTo(at("2026-04-04T08:00", "America/Chicago"));
    assertThat(goodFriday.summary()).contains("Good Friday");
  }

  /**
   * R1 (TCPA), R8 Florida, R9 Oklahoma, R10 Maryland, R11 Washington and R16 Canada name no holidays; R12
   * Mississippi's PSC rule against calls on legal holidays was repealed in 2024. Their days are the weekly window's.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = CallingWindowPreset.class, names = {"US_FEDERAL", "FLORIDA", "OKLAHOMA", "MARYLAND",
      "WASHINGTON", "MISSISSIPPI", "CANADA"})
  void shouldCloseOnNoHolidayWhenThePresetsLawNamesNone(CallingWindowPreset preset) {
    assertThat(preset.lawHolidays()).isEmpty();
    for (String code : List.of("US-fl", "US-ok", "US-md", "US-wa", "US-ms", "US-ny", "CA-mb")) {
      String[] parts = code.split("-");
      assertThat(preset.holidayOn(LocalDate.of(2026, 12, 25), List.of(new Region(parts[0], parts[1])), JOLLYDAY))
          .as("%s in %s", preset.row(), code).isEmpty();
    }
  }

  @Test
  void shouldLetASalesCallGoOnChristmasInMississippiWhenOnlyThePresetsHoldTheClock() {
    Decision christmasInMississippi = POLICY.decide(ask(PHONE, MARKETING, "x",
        at("2026-12-25T11:00", "America/Chicago")), caller("America/Chicago", "US", "ms").build());
    assertThat(christmasInMississippi.outcome()).as("R12: the holiday ban was repealed in 2024")
        .isEqualTo(Outcome.ALLOW);
  }
}
