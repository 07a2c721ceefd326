package dev.tact.policy.rules;

import static dev.tact.policy.rules.LegalHoliday.easter;
import static dev.tact.policy.rules.LegalHoliday.fixed;
import static dev.tact.policy.rules.LegalHoliday.nth;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;

import dev.tact.policy.Region;
import dev.tact.policy.calendar.TimeRange;
import dev.tact.policy.calendar.Words;
import dev.tact.shared.calendar.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Legal calling windows for sales calls and texts per jurisdiction, each naming its row (R1…) of the rules file
 * {@code POLICY-RULES.md}, where the sources are. A US state's preset holds in addition to the federal one.
 *
 * <p>The presets that forbid calls on holidays close on the jurisdiction's public and bank holidays (Jollyday) and
 * on every holiday their law names ({@link #lawHolidays()}), because Jollyday types some of those as observances
 * (Rhode Island's Victory Day; Alabama's Confederate Memorial Day; Louisiana's Mardi Gras) or lacks them.
 */
public enum CallingWindowPreset {
  US_FEDERAL("R1", "US federal (TCPA, 47 CFR 64.1200(c)(1))", "US", null, daily(8, 0, 21, 0), 0) {
    /** The TCPA holds in the territories numbered with the states, which ISO 3166-1 lists as countries. */
    @Override
    boolean covers(Region region) {
      return US_AND_TERRITORIES.contains(region.country());
    }
  },
  FLORIDA("R8", "Florida (Fla. Stat. 501.616(6))", "US", "fl", daily(8, 0, 20, 0), 3),
  OKLAHOMA("R9", "Oklahoma (Telephone Solicitation Act 2022)", "US", "ok", daily(8, 0, 20, 0), 3),
  MARYLAND("R10", "Maryland (Md. Com. Law 14-4502)", "US", "md", daily(8, 0, 20, 0), 3) {
    @Override
    LocalDate inForceFrom() {
      return LocalDate.of(2024, 1, 1);
    }
  },
  WASHINGTON("R11", "Washington (RCW 19.158.040)", "US", "wa", daily(8, 0, 20, 0), 0),
  /** Miss. Code 77-3-723: no Sundays; the PSC rule against calls on legal holidays was repealed (R12, 2024). */
  MISSISSIPPI("R12", "Mississippi (Miss. Code 77-3-723)", "US", "ms", noSundays(daily(8, 0, 20, 0)), 0) {
    @Override
    ZoneId fixedZone() {
      return ZoneOffset.ofHours(-6); // the statute says "Central Standard Time", all year
    }

    @Override
    String zoneInWords() {
      return "Central Standard Time all year";
    }
  },
  /** R.I. Gen. Laws 5-61-2(2): "Monday through Friday, except a state or federal holiday". */
  RHODE_ISLAND("R13", "Rhode Island (R.I. Gen. Laws 5-61-3.6)", "US", "ri", rhodeIsland(), 0) {
    @Override
    List<LegalHoliday> lawHolidays() {
      return List.of(fixed("New Year's Day", Month.JANUARY, 1),
          nth("Martin Luther King Jr. Day", 3, MONDAY, Month.JANUARY),
          nth("Washington's Birthday", 3, MONDAY, Month.FEBRUARY),
          nth("Memorial Day", -1, MONDAY, Month.MAY),
          fixed("Juneteenth", Month.JUNE, 19).from(2021),
          fixed("Independence Day", Month.JULY, 4),
          nth("Victory Day", 2, MONDAY, Month.AUGUST),
          nth("Labor Day", 1, MONDAY, Month.SEPTEMBER),
          nth("Columbus Day", 2, MONDAY, Month.OCTOBER),
          fixed("Veterans Day", Month.NOVEMBER, 11),
          nth("Thanksgiving Day", 4, THURSDAY, Month.NOVEMBER),
          fixed("Christmas Day", Month.DECEMBER, 25));
    }
  },
  /** Ala. Admin. Code r.770-X-5-.17(1)(b): "No solicitation calls … on Sundays or holidays"; Ala. Code 1-3-8. */
  ALABAMA("R14", "Alabama (Ala. Admin. Code r.770-X-5-.17)", "US", "al", noSundays(daily(8, 0, 20, 0)), 0) {
    @Override
    List<LegalHoliday> lawHolidays() {
      return List.of(fixed("New Year's Day", Month.JANUARY, 1),
          nth("Robert E. Lee's and Martin Luther King Jr.'s Birthday", 3, MONDAY, Month.JANUARY),
          nth("George Washington's and Thomas Jefferson's Birthday", 3, MONDAY, Month.FEBRUARY),
          // a holiday in Baldwin and Mobile counties only; Tact does not know the county, so all of Alabama
          easter("Mardi Gras (Baldwin and Mobile counties)", -47),
          nth("Confederate Memorial Day", 4, MONDAY, Month.APRIL),
          nth("National Memorial Day", -1, MONDAY, Month.MAY),
          nth("Jefferson Davis' Birthday", 1, MONDAY, Month.JUNE),
          fixed("Independence Day", Month.JULY, 4),
          nth("Labor Day", 1, MONDAY, Month.SEPTEMBER),
          nth("Columbus Day and American Indian Heritage Day", 2, MONDAY, Month.OCTOBER),
          fixed("Veterans Day", Month.NOVEMBER, 11),
          nth("Thanksgiving Day", 4, THURSDAY, Month.NOVEMBER),
          fixed("Christmas Day", Month.DECEMBER, 25));
    }
  },
  /**
   * La. R.S. 45:811: sales calls (automatic or by a live operator) Monday to Saturday 08:00–20:00, never on Sundays
   * or state holidays (La. R.S. 1:55(A)(1)); during a declared emergency none at all (45:844.31, the emergency rule).
   */
  LOUISIANA("R15", "Louisiana (La. R.S. 45:811)", "US", "la", noSundays(daily(8, 0, 20, 0)), 0) {
    @Override
    List<LegalHoliday> lawHolidays() {
      return List.of(fixed("New Year's Day", Month.JANUARY, 1),
          new LegalHoliday("the Battle of New Orleans", year -> List.of(LocalDate.of(year, 1, 8))),
          nth("Dr. Martin Luther King, Jr.'s Birthday", 3, MONDAY, Month.JANUARY),
          nth("Washington's Birthday and Presidents' Day", 3, MONDAY, Month.FEBRUARY),
          easter("Mardi Gras", -47),
          easter("Good Friday", -2),
          nth("National Memorial Day", -1, MONDAY, Month.MAY),
          fixed("Independence Day", Month.JULY, 4),
          new LegalHoliday("Huey P. Long Day", year -> List.of(LocalDate.of(year, 8, 30))),
          nth("Labor Day", 1, MONDAY, Month.SEPTEMBER),
          nth("Christopher Columbus Day", 2, MONDAY, Month.OCTOBER),
          new LegalHoliday("All Saints' Day", year -> List.of(LocalDate.of(year, 11, 1))),
          fixed("Veterans' Day", Month.NOVEMBER, 11),
          nth("Thanksgiving Day", 4, THURSDAY, Month.NOVEMBER),
          fixed("Christmas Day", Month.DECEMBER, 25));
    }
  },
  CANADA("R16", "Canada (CRTC Unsolicited Telecommunications Rules)", "CA", null, canada(), 0);

  private static final Set<String> US_AND_TERRITORIES = Set.of("US", "PR", "VI", "GU", "MP", "AS");

  private final String row;
  private final String title;
  private final String country;
  private final String subdivision;
  private final Map<DayOfWeek, List<TimeRange>> week;
  private final int callsPerSubjectPerDay;
  private final String weekInWords;
  private final boolean holidayLaw;
  private final Map<Integer, Map<LocalDate, String>> namedByYear = new java.util.concurrent.ConcurrentHashMap<>();

  CallingWindowPreset(String row, String title, String country, String subdivision,
      Map<DayOfWeek, List<TimeRange>> week, int callsPerSubjectPerDay) {
    this.row = row;
    this.title = title;
    this.country = country;
    this.subdivision = subdivision;
    this.week = week;
    this.callsPerSubjectPerDay = callsPerSubjectPerDay;
    this.weekInWords = inWords(week);
    this.holidayLaw = !lawHolidays().isEmpty(); // the overrides return constant lists: safe in the constructor
  }

  /** The row of POLICY-RULES.md with the source: "R16". */
  public String row() {
    return row;
  }

  public String title() {
    return title;
  }

  /** The cap on sales calls and texts on one subject per 24 h the jurisdiction sets; 0 when none. */
  public int callsPerSubjectPerDay() {
    return callsPerSubjectPerDay;
  }

  List<TimeRange> openOn(DayOfWeek day) {
    return week.get(day);
  }

  /** Null: in force for every date the policy sees. */
  LocalDate inForceFrom() {
    return null;
  }

  /** Null: the recipient's local time. */
  ZoneId fixedZone() {
    return null;
  }

  /** How the fixed zone is named in reasons; null: the recipient's own zones are named. */
  String zoneInWords() {
    return null;
  }

  /** The holidays the law names on which no sales call may be made; empty when it names none. */
  List<LegalHoliday> lawHolidays() {
    return List.of();
  }

  boolean noHolidays() {
    return holidayLaw;
  }

  boolean covers(Region region) {
    return country.equals(region.country()) && (subdivision == null || subdivision.equals(region.subdivision()));
  }

  /** Whether the preset holds for a contact who may be in any of these regions (the strictest holds). */
  boolean coversAny(List<Region> regions) {
    for (Region region : regions) {
      if (covers(region)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The holiday on which the preset forbids calls in one of the regions it covers: a public or bank holiday there
   * (Jollyday, actual or observed date), or one its law names. Empty when the preset names no holidays.
   */
  Optional<String> holidayOn(LocalDate date, List<Region> regions, PublicHolidays holidays) {
    if (!noHolidays()) {
      return Optional.empty();
    }
    for (Region region : regions) {
      if (covers(region)) {
        Optional<String> calendar = holidays.on(region.country(), region.subdivision(), date);
        if (calendar.isPresent()) {
          return calendar;
        }
      }
    }
    return Optional.ofNullable(namedByYear.computeIfAbsent(date.getYear(), this::named).get(date));
  }

  /** The dates the law's holidays close in a year (an observed 31 December comes from the next year's 1 January). */
  private Map<LocalDate, String> named(int year) {
    Map<LocalDate, String> days = new java.util.HashMap<>();
    for (LegalHoliday holiday : lawHolidays()) {
      for (int y = year; y <= year + 1; y++) {
        for (LocalDate date : holiday.in(y)) {
          if (date.getYear() == year) {
            days.putIfAbsent(date, holiday.name());
          }
        }
      }
    }
    return Map.copyOf(days);
  }

  /** "daily 08:00–21:00", "Mon–Fri 09:00–21:30, Sat–Sun 10:00–18:00", "Mon–Sat 08:00–20:00, Sun none". */
  String describeWeek() {
    return weekInWords;
  }

  private static String inWords(Map<DayOfWeek, List<TimeRange>> week) {
    StringBuilder text = new StringBuilder();
    DayOfWeek[] days = DayOfWeek.values();
    int start = 0;
    while (start < days.length) {
      int end = start;
      while (end + 1 < days.length && week.get(days[end + 1]).equals(week.get(days[start]))) {
        end++;
      }
      List<TimeRange> ranges = week.get(days[start]);
      String hours = ranges.isEmpty() ? "none" : String.join(", ", ranges.stream().map(TimeRange::toString).toList());
      String span = start == 0 && end == days.length - 1 ? "daily"
          : start == end ? Words.shortDay(days[start]) : Words.shortDay(days[start]) + "–" + Words.shortDay(days[end]);
      text.append(text.isEmpty() ? "" : ", ").append(span).append(' ').append(hours);
      start = end + 1;
    }
    return text.toString();
  }

  private static Map<DayOfWeek, List<TimeRange>> daily(int fromHour, int fromMinute, int toHour, int toMinute) {
    TimeRange range = TimeRange.of(LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute));
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(range));
    }
    return week;
  }

  private static Map<DayOfWeek, List<TimeRange>> noSundays(Map<DayOfWeek, List<TimeRange>> week) {
    week.put(DayOfWeek.SUNDAY, List.of());
    return week;
  }

  private static Map<DayOfWeek, List<TimeRange>> rhodeIsland() {
    Map<DayOfWeek, List<TimeRange>> week = noSundays(daily(9, 0, 18, 0));
    week.put(DayOfWeek.SATURDAY, List.of(TimeRange.of(LocalTime.of(10, 0), LocalTime.of(17, 0))));
    return week;
  }

  private static Map<DayOfWeek, List<TimeRange>> canada() {
    Map<DayOfWeek, List<TimeRange>> week = daily(9, 0, 21, 30);
    List<TimeRange> weekend = List.of(TimeRange.of(LocalTime.of(10, 0), LocalTime.of(18, 0)));
    week.put(DayOfWeek.SATURDAY, weekend);
    week.put(DayOfWeek.SUNDAY, weekend);
    return week;
  }
}
