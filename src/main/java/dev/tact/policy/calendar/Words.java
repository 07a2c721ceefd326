package dev.tact.policy.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates, times and time zones in English words for reasons ("Monday 10 October 2011", "Tuesday 11 October 2011
 * 09:00", "Winnipeg, Central time"); a hand-made formatter, because reasons are written on every decision and
 * DateTimeFormatter is slow there.
 */
public final class Words {

  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday"};
  private static final String[] SHORT_DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  private static final Map<ZoneId, String> ZONES = new ConcurrentHashMap<>();

  private Words() {}

  public static String day(LocalDate date) {
    return DAYS[date.getDayOfWeek().ordinal()] + " " + date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1]
        + " " + date.getYear();
  }

  /** "Mon" … "Sun". */
  public static String shortDay(java.time.DayOfWeek day) {
    return SHORT_DAYS[day.ordinal()];
  }

  public static String dayTime(LocalDateTime time) {
    return day(time.toLocalDate()) + " " + TimeRange.hhmm(time.toLocalTime().toSecondOfDay());
  }

  /** "Tuesday 11 October 2011 09:00 (Winnipeg, Central time)". */
  public static String at(Instant instant, ZoneId zone) {
    return dayTime(LocalDateTime.ofInstant(instant, zone)) + " (" + zone(zone) + ")";
  }

  /**
   * A zone as people name it: "Winnipeg, Central time", "Berlin, Central European time", "London time",
   * "UTC−06:00" for a fixed offset.
   */
  public static String zone(ZoneId zone) {
    return ZONES.computeIfAbsent(zone, Words::name);
  }

  private static String name(ZoneId zone) {
    if (zone instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId().replace('-', '\u2212');
    }
    String id = zone.getId();
    if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT") || id.equals("Etc/GMT")) {
      return "UTC";
    }
    String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    String generic = zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    if (generic.endsWith(" Time")) {
      generic = generic.substring(0, generic.length() - " Time".length()) + " time";
    }
    if (generic.startsWith(city) || !id.contains("/")) {
      return generic;
    }
    return city + ", " + generic;
  }
}
