package dev.tact.audit;

import dev.tact.shared.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log's filters as people and programs give them (page, API, export): an action or an action prefix
 * ending in a dot, part of the actor's name, a target id, part of the summary, and a time range. {@code from} and
 * {@code until} are dates ({@code 2026-03-01}, whole days in the given zone, both included) or ISO-8601 instants.
 */
public record AuditFilter(String action, String actor, String target, String text, String from, String until) {

  public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

  /** The query these filters make; a date that cannot be read is a 422 {@code invalid-date}. */
  public AuditQuery toQuery(ZoneId zone) {
    return new AuditQuery(blankToNull(action), blankToNull(actor), blankToNull(target), blankToNull(text),
        instant("from", from, zone, false), instant("until", until, zone, true));
  }

  /** The filters that are set, for recording what was exported and for links that keep them. */
  public Map<String, String> given() {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "action", action);
    put(given, "actor", actor);
    put(given, "target", target);
    put(given, "text", text);
    put(given, "from", from);
    put(given, "until", until);
    return given;
  }

  /** For people: "action=routing., from=2026-03-01", or "no filter". */
  public String describe() {
    Map<String, String> given = given();
    return given.isEmpty() ? "no filter" : String.join(", ", given.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static Instant instant(String name, String value, ZoneId zone, boolean endOfDay) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-date", name + " must be a date such as 2026-03-01 or an instant such as "
          + "2026-03-01T09:00:00Z, not '" + text + "'.");
    }
  }

  private static void put(Map<String, String> map, String key, String value) {
    String text = blankToNull(value);
    if (text != null) {
      map.put(key, text);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
