package dev.tact.policy.rules;

import dev.tact.policy.calendar.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Legal calling windows for sales calls and texts per jurisdiction, each naming its row (R1…) of the rules file
 * {@code POLICY-RULES.md}, where the sources are. A US state's preset holds in addition to the federal one.
 */
public enum CallingWindowPreset {
  US_FEDERAL("R1", "US federal (TCPA, 47 CFR 64.1200(c)(1))", "US", null, daily(8, 0, 21, 0), 0),
  FLORIDA("R8", "Florida (Fla. Stat. 501.616(6))", "US", "fl", daily(8, 0, 20, 0), 3),
  OKLAHOMA("R9", "Oklahoma (Telephone Solicitation Act 2022)", "US", "ok", daily(8, 0, 20, 0), 3),
  MARYLAND("R10", "Maryland (Md. Com. Law 14-4502)", "US", "md", daily(8, 0, 20, 0), 3) {
    @Override
    LocalDate inForceFrom() {
      return LocalDate.of(2024, 1, 1);
    }
  },
  WASHINGTON("R11", "Washington (RCW 19.158.040)", "US", "wa", daily(8, 0, 20, 0), 0),
  MISSISSIPPI("R12", "Mississippi (Miss. Code 77-3-723)", "US", "ms", noSundays(daily(8, 0, 20, 0)), 0) {
    @Override
    ZoneId fixedZone() {
      return ZoneOffset.ofHours(-6); // the statute says "Central Standard Time", all year
    }
  },
  RHODE_ISLAND("R13", "Rhode Island (R.I. Gen. Laws 5-61-3.6)", "US", "ri", rhodeIsland(), 0) {
    @Override
    boolean noHolidays() {
      return true;
    }
  },
  ALABAMA("R14", "Alabama (Ala. Admin. Code r.770-X-5-.17)", "US", "al", noSundays(daily(8, 0, 20, 0)), 0) {
    @Override
    boolean noHolidays() {
      return true;
    }
  },
  LOUISIANA("R15", "Louisiana (La. R.S. 45:844.31)", "US", "la", daily(0, 0, 0, 0), 0) {
    @Override
    boolean noHolidays() {
      return true;
    }
  },
  CANADA("R16", "Canada (CRTC Unsolicited Telecommunications Rules)", "CA", null, canada(), 0);

  private final String row;
  private final String title;
  private final String country;
  private final String subdivision;
  private final Map<DayOfWeek, List<TimeRange>> week;
  private final int callsPerSubjectPerDay;
  private final String weekInWords;

  CallingWindowPreset(String row, String title, String country, String subdivision,
      Map<DayOfWeek, List<TimeRange>> week, int callsPerSubjectPerDay) {
    this.row = row;
    this.title = title;
    this.country = country;
    this.subdivision = subdivision;
    this.week = week;
    this.callsPerSubjectPerDay = callsPerSubjectPerDay;
    this.weekInWords = inWords(week);
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

  boolean noHolidays() {
    return false;
  }

  boolean covers(String contactCountry, String contactSubdivision) {
    return country.equalsIgnoreCase(contactCountry)
        && (subdivision == null || subdivision.equalsIgnoreCase(contactSubdivision));
  }

  /** "Mon 09:00–21:30, …, Sat 10:00–18:00, Sun none". */
  String describeWeek() {
    return weekInWords;
  }

  private static String inWords(Map<DayOfWeek, List<TimeRange>> week) {
    StringBuilder text = new StringBuilder();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<TimeRange> ranges = week.get(day);
      String hours = ranges.isEmpty() ? "none" : ranges.stream().map(TimeRange::toString)
          .reduce((a, b) -> a + ", " + b).orElse("");
      text.append(text.isEmpty() ? "" : ", ").append(day.getDisplayName(java.time.format.TextStyle.SHORT,
          java.util.Locale.ENGLISH)).append(' ').append(hours);
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
