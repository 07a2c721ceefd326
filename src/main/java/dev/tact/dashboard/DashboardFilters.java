package dev.tact.dashboard;

import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads the dashboard's filters as people write them in the address (team and agent ids, a channel, an intent, the
 * dates from and to, both included) into a {@link ReportScope}; anything it cannot read is a Problem naming the
 * filter, before any panel runs. Without dates the period is the last 28 days up to today, in the viewer's zone.
 */
@Component
public class DashboardFilters {

  static final int DEFAULT_DAYS = 28;
  static final int MAX_DAYS = 366;
  private static final Pattern INTENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final StaffDirectory staff;
  private final Clock clock;

  DashboardFilters(StaffDirectory staff, Clock clock) {
    this.staff = staff;
    this.clock = clock;
  }

  /** The filters as given, for the form and links: the names above, blank ones left out. */
  public record Given(String team, String agent, String channel, String intent, String from, String to) {

    public static Given of(Map<String, String> parameters) {
      return new Given(parameters.get("team"), parameters.get("agent"), parameters.get("channel"),
          parameters.get("intent"), parameters.get("from"), parameters.get("to"));
    }

    public Map<String, String> asParameters() {
      Map<String, String> map = new LinkedHashMap<>();
      put(map, "team", team);
      put(map, "agent", agent);
      put(map, "channel", channel);
      put(map, "intent", intent);
      put(map, "from", from);
      put(map, "to", to);
      return map;
    }

    private static void put(Map<String, String> map, String name, String value) {
      if (value != null && !value.isBlank()) {
        map.put(name, value.strip());
      }
    }
  }

  public ReportScope scope(Given given, ZoneId zone) {
    UUID team = uuid(given.team(), "team");
    if (team != null && staff.team(team).isEmpty()) {
      throw ProblemException.invalid("unknown-team", "There is no team with id " + team + ".");
    }
    UUID agent = uuid(given.agent(), "agent");
    if (agent != null && staff.agent(agent).isEmpty()) {
      throw ProblemException.invalid("unknown-agent", "There is no agent with id " + agent + ".");
    }
    Channel channel = blank(given.channel()) ? null : Channel.parse(given.channel());
    String intent = blank(given.intent()) ? null : intent(given.intent());
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate to = date(given.to(), "to", today);
    LocalDate from = date(given.from(), "from", to.minusDays(DEFAULT_DAYS - 1));
    if (to.isBefore(from)) {
      throw ProblemException.invalid("invalid-period", "The period ends (" + to + ") before it starts (" + from
          + "): give 'to' on or after 'from'.");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ProblemException.invalid("invalid-period", "The period from " + from + " to " + to + " is longer than "
          + MAX_DAYS + " days.");
    }
    return new ReportScope(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), zone,
        team, agent, channel, intent);
  }

  private static String intent(String value) {
    String intent = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!INTENT.matcher(intent).matches()) {
      throw ProblemException.invalid("invalid-intent", "'" + value.strip() + "' is not an intent: use the intent's "
          + "name, such as billing or password-reset (letters, digits, - and _, at most 64).");
    }
    return intent;
  }

  private static UUID uuid(String value, String name) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-" + name, "'" + value.strip() + "' is not a " + name + " id.");
    }
  }

  private static LocalDate date(String value, String name, LocalDate fallback) {
    if (blank(value)) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("invalid-date", "'" + value.strip() + "' (" + name + ") is not a date such as "
          + "2026-11-01.");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
