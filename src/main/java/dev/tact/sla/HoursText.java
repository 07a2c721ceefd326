package dev.tact.sla;

import dev.tact.shared.ProblemException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working hours as people write them, one rule per line or separated by {@code ;}: {@code mon-fri 09:00-17:00},
 * {@code sat 10:00-14:00}, {@code mon,wed 13:00-17:30}, {@code fri 22:00-06:00} (overnight), {@code mon-sun
 * 00:00-00:00} (around the clock). Used by the settings ({@code tact.sla.default-hours}) and the admin form.
 */
public final class HoursText {

  private static final Pattern RULE = Pattern.compile(
      "([a-z]{3}(?:\\s*[-,]\\s*[a-z]{3})*)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private HoursText() {}

  /** The working hours the text describes; a 422 naming the rule that is not understood. */
  public static WorkingHours parse(String text) {
    List<WorkingHours.Interval> intervals = new ArrayList<>();
    for (String raw : (text == null ? "" : text).split("[;\\n]")) {
      String rule = raw.strip().toLowerCase(Locale.ROOT);
      if (rule.isEmpty()) {
        continue;
      }
      Matcher m = RULE.matcher(rule);
      if (!m.matches()) {
        throw invalid("'" + raw.strip() + "' is not a rule such as mon-fri 09:00-17:00.");
      }
      LocalTime start = time(m.group(2), raw);
      LocalTime end = time(m.group(3), raw);
      for (DayOfWeek day : days(m.group(1), raw)) {
        intervals.add(new WorkingHours.Interval(day, start, end));
      }
    }
    if (intervals.isEmpty()) {
      throw invalid("Give at least one working interval, such as mon-fri 09:00-17:00.");
    }
    return new WorkingHours(intervals);
  }

  /** The hours written back as rules, days with the same interval grouped: {@code mon-fri 09:00-17:00}. */
  public static String format(WorkingHours hours) {
    Map<String, List<DayOfWeek>> byInterval = new TreeMap<>();
    hours.intervals().stream().sorted(Comparator.comparing(WorkingHours.Interval::day))
        .forEach(i -> byInterval.computeIfAbsent(i.start() + "-" + i.end(), k -> new ArrayList<>()).add(i.day()));
    List<String> rules = new ArrayList<>();
    byInterval.forEach((interval, days) -> rules.add(daysText(days) + " " + interval));
    rules.sort(Comparator.comparingInt(r -> DAYS.indexOf(r.substring(0, 3))));
    return String.join("\n", rules);
  }

  private static String daysText(List<DayOfWeek> days) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
        j++;
      }
      String first = DAYS.get(days.get(i).getValue() - 1);
      parts.add(j == i ? first : first + "-" + DAYS.get(days.get(j).getValue() - 1));
      i = j + 1;
    }
    return String.join(",", parts);
  }

  private static List<DayOfWeek> days(String spec, String raw) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] range = part.strip().split("\\s*-\\s*");
      int from = dayIndex(range[0], raw);
      int to = range.length > 1 ? dayIndex(range[1], raw) : from;
      if (to < from) {
        throw invalid("'" + raw.strip() + "': a day range runs from Monday towards Sunday, such as mon-fri.");
      }
      for (int d = from; d <= to; d++) {
        days.add(DayOfWeek.of(d + 1));
      }
    }
    return days;
  }

  private static int dayIndex(String day, String raw) {
    int index = DAYS.indexOf(day.strip());
    if (index < 0) {
      throw invalid("'" + raw.strip() + "': '" + day + "' is not a day; use mon, tue, wed, thu, fri, sat, sun.");
    }
    return index;
  }

  private static LocalTime time(String value, String raw) {
    try {
      return LocalTime.parse(value.length() == 4 ? "0" + value : value);
    } catch (DateTimeParseException e) {
      throw invalid("'" + raw.strip() + "': '" + value + "' is not a time between 00:00 and 23:59.");
    }
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.invalid("invalid-working-hours", detail);
  }
}
