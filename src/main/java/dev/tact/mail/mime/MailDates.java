package dev.tact.mail.mime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 5322 dates as senders really write them: optional weekday, two-digit years, missing seconds, named or
 * numeric zones, extra comments. Returns null rather than failing.
 */
public final class MailDates {

  private static final Pattern DATE = Pattern.compile(
      "(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?"
          + "(?:\\.\\d+)?\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> ZONES = Map.of(
      "ut", 0, "utc", 0, "gmt", 0, "z", 0, "est", -5, "edt", -4, "cst", -6, "cdt", -5, "mst", -7, "mdt", -6);
  private static final Map<String, Integer> MORE_ZONES = Map.of("pst", -8, "pdt", -7, "cet", 1, "cest", 2);

  private MailDates() {
  }

  /** The instant the value names, or null when it cannot be read. */
  public static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = DATE.matcher(value);
    if (!m.find()) {
      return null;
    }
    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    try {
      int year = Integer.parseInt(m.group(3));
      if (m.group(3).length() <= 2) {
        year += year < 50 ? 2000 : 1900;
      } else if (m.group(3).length() == 3) {
        year += 1900;
      }
      int second = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
      LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second);
      return local.toInstant(offset(m.group(7)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    if (zone.startsWith("+") || zone.startsWith("-")) {
      String digits = zone.replace(":", "");
      int hours = Integer.parseInt(digits.substring(1, 3));
      int minutes = Integer.parseInt(digits.substring(3, 5));
      if (hours > 18 || minutes > 59) {
        return ZoneOffset.UTC;
      }
      int sign = zone.startsWith("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    String name = zone.toLowerCase(Locale.ROOT);
    Integer hours = ZONES.getOrDefault(name, MORE_ZONES.get(name));
    return hours == null ? ZoneOffset.UTC : ZoneOffset.ofHours(hours);
  }
}
