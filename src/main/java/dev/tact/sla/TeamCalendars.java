package dev.tact.sla;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each team's business hours (tables {@code sla_calendar*}, {@code sla_closure}) and the {@link BusinessCalendar}
 * built from them, cached per team and rebuilt when the stored version changes (on any node). Teams without a
 * calendar use the default of {@link SlaProperties}. Every change is checked by building the calendar first: a bad
 * one is a 422 and changes nothing.
 */
@Service
public class TeamCalendars {

  private record Cached(long version, BusinessCalendar calendar) {}

  private static final int MAX_CLOSURE_DAYS = 366;

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final BusinessCalendar defaultCalendar;
  private final SlaProperties properties;
  private final AuditLog audit;
  private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

  TeamCalendars(JdbcClient jdbc, StaffDirectory staff, Clock clock, ApplicationEventPublisher events,
      SlaProperties properties, AuditLog audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.staff = staff;
    this.clock = clock;
    this.events = events;
    this.properties = properties;
    this.defaultCalendar = BusinessCalendar.of(ZoneId.of(properties.defaultZone()),
        HoursText.parse(properties.defaultHours()), PublicHolidaySetting.none());
  }

  /** The business calendar of the team (null: the default one). */
  public BusinessCalendar calendar(UUID teamId) {
    if (teamId == null) {
      return defaultCalendar;
    }
    Optional<Long> version = jdbc.sql("SELECT version FROM sla_calendar WHERE team_id = :team")
        .param("team", teamId).query(Long.class).optional();
    if (version.isEmpty()) {
      cache.remove(teamId);
      return defaultCalendar;
    }
    Cached cached = cache.get(teamId);
    if (cached != null && cached.version() == version.get()) {
      return cached.calendar();
    }
    TeamCalendar stored = describe(teamId);
    BusinessCalendar built = build(stored);
    cache.put(teamId, new Cached(version.get(), built));
    return built;
  }

  public BusinessCalendar defaultCalendar() {
    return defaultCalendar;
  }

  /** The team's calendar as stored, or the default one ({@code configured} false). */
  public TeamCalendar describe(UUID teamId) {
    staff.requireTeam(teamId);
    return jdbc.sql("SELECT * FROM sla_calendar WHERE team_id = :team").param("team", teamId)
        .query((rs, n) -> {
          List<WorkingHours.Interval> hours = intervals(teamId);
          return new TeamCalendar(teamId, true, rs.getString("zone"), hours,
              HoursText.format(new WorkingHours(hours)), rs.getString("country"), rs.getString("subdivision"),
              rs.getBoolean("bank_holidays"), closures(teamId));
        }).optional()
        .orElseGet(() -> new TeamCalendar(teamId, false, properties.defaultZone(), defaultCalendar.hours().intervals(),
            HoursText.format(defaultCalendar.hours()), null, null, false, List.of()));
  }

  /** Every team's calendar, configured or default, in the order of the staff directory. */
  public List<TeamCalendar> all() {
    return staff.teams().stream().map(t -> describe(t.id())).toList();
  }

  /**
   * Sets the team's zone, weekly hours and public holidays (closures stay). Clocks running on the team keep the
   * business time they used and get new due times.
   */
  @Transactional
  public TeamCalendar save(UUID teamId, String zone, List<WorkingHours.Interval> hours, String country,
      String subdivision, boolean bankHolidays) {
    String team = staff.requireTeam(teamId).name();
    TeamCalendar described = describe(teamId);
    ZoneId zoneId = zone(zone);
    if (hours == null || hours.isEmpty()) {
      throw ProblemException.invalid("invalid-working-hours", "Give at least one working interval.");
    }
    PublicHolidaySetting holidays = holidays(country, subdivision, bankHolidays);
    List<Closure> closures = closures(teamId).stream().flatMap(c -> toClosures(c).stream()).toList();
    tryBuild(zoneId, new WorkingHours(hours), holidays, closures);
    BusinessCalendar before = calendar(teamId);
    Instant now = clock.instant();
    int updated = jdbc.sql("""
        UPDATE sla_calendar SET zone = :zone, country = :country, subdivision = :subdivision,
          bank_holidays = :bank, version = :version, updated_at = :at WHERE team_id = :team""")
        .param("version", newVersion())
        .param("zone", zoneId.getId()).param("country", nullIfEmpty(holidays.country()))
        .param("subdivision", nullIfEmpty(holidays.subdivision())).param("bank", holidays.bankHolidays())
        .param("at", utc(now)).param("team", teamId).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO sla_calendar (team_id, zone, country, subdivision, bank_holidays, version, updated_at)
          VALUES (:team, :zone, :country, :subdivision, :bank, :version, :at)""")
          .param("version", newVersion())
          .param("zone", zoneId.getId()).param("country", nullIfEmpty(holidays.country()))
          .param("subdivision", nullIfEmpty(holidays.subdivision())).param("bank", holidays.bankHolidays())
          .param("at", utc(now)).param("team", teamId).update();
    }
    jdbc.sql("DELETE FROM sla_calendar_interval WHERE team_id = :team").param("team", teamId).update();
    for (WorkingHours.Interval interval : hours) {
      jdbc.sql("""
          INSERT INTO sla_calendar_interval (team_id, day_of_week, start_second, end_second)
          VALUES (:team, :day, :start, :end)""").param("team", teamId).param("day", interval.day().getValue())
          .param("start", interval.start().toSecondOfDay()).param("end", interval.end().toSecondOfDay()).update();
    }
    warm(teamId);
    events.publishEvent(new TeamCalendarChanged(teamId, before));
    TeamCalendar after = describe(teamId);
    audit.record(AuditRecord.of("sla.calendar.saved", "team", teamId, "Calendar of team " + team + ": "
        + after.zone() + ", " + after.hoursText()
        + (after.country() == null ? "" : ", holidays of " + after.country()
            + (after.subdivision() == null ? "" : "-" + after.subdivision())))
        .change(described, after));
    return after;
  }

  /** The team goes back to the default calendar (its closures go too). */
  @Transactional
  public void reset(UUID teamId) {
    String team = staff.requireTeam(teamId).name();
    TeamCalendar described = describe(teamId);
    BusinessCalendar before = calendar(teamId);
    if (jdbc.sql("DELETE FROM sla_calendar WHERE team_id = :team").param("team", teamId).update() > 0) {
      cache.remove(teamId);
      events.publishEvent(new TeamCalendarChanged(teamId, before));
      audit.record(AuditRecord.of("sla.calendar.reset", "team", teamId, "Team " + team
          + " uses the default calendar again").change(described, describe(teamId)));
    }
  }

  /**
   * Closes the team on the local dates {@code firstDay..lastDay} (lastDay null: one day), or in the instant range
   * {@code [startsAt, endsAt)}; one of the two forms, with a label. The team needs a calendar of its own.
   */
  @Transactional
  public TeamCalendar.ClosureEntry addClosure(UUID teamId, String label, LocalDate firstDay, LocalDate lastDay,
      Instant startsAt, Instant endsAt) {
    TeamCalendar team = describe(teamId);
    if (!team.configured()) {
      throw ProblemException.conflict("no-team-calendar",
          "The team uses the default calendar; set its working hours before adding closures.");
    }
    String name = label == null ? "" : label.strip();
    if (name.isEmpty() || name.length() > 200) {
      throw ProblemException.invalid("invalid-closure", "Give the closure a label of 1 to 200 characters.");
    }
    boolean dates = firstDay != null || lastDay != null;
    boolean range = startsAt != null || endsAt != null;
    if (dates == range) {
      throw ProblemException.invalid("invalid-closure",
          "Give either firstDay (and optionally lastDay) or startsAt and endsAt.");
    }
    TeamCalendar.ClosureEntry entry;
    if (dates) {
      LocalDate first = firstDay != null ? firstDay : lastDay;
      LocalDate last = lastDay != null ? lastDay : first;
      if (last.isBefore(first) || first.plusDays(MAX_CLOSURE_DAYS).isBefore(last)) {
        throw ProblemException.invalid("invalid-closure",
            "lastDay must be on or after firstDay, and a closure at most " + MAX_CLOSURE_DAYS + " days long.");
      }
      entry = new TeamCalendar.ClosureEntry(Ids.newId(), name, first, last, null, null);
    } else {
      if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
        throw ProblemException.invalid("invalid-closure", "Give startsAt and a later endsAt.");
      }
      entry = new TeamCalendar.ClosureEntry(Ids.newId(), name, null, null, startsAt, endsAt);
    }
    BusinessCalendar before = calendar(teamId);
    List<Closure> closures = new ArrayList<>(before.closures());
    closures.addAll(toClosures(entry));
    tryBuild(before.zone(), before.hours(), before.holidays(), closures);
    jdbc.sql("""
        INSERT INTO sla_closure (id, team_id, label, first_day, last_day, starts_at, ends_at, created_at)
        VALUES (:id, :team, :label, :first, :last, :starts, :ends, :at)""")
        .param("id", entry.id()).param("team", teamId).param("label", name).param("first", entry.firstDay())
        .param("last", entry.lastDay()).param("starts", utc(entry.startsAt())).param("ends", utc(entry.endsAt()))
        .param("at", utc(clock.instant())).update();
    bumpVersion(teamId);
    warm(teamId);
    events.publishEvent(new TeamCalendarChanged(teamId, before));
    audit.record(AuditRecord.of("sla.closure.added", "team", teamId, "Closure '" + name + "' for team "
        + staff.requireTeam(teamId).name() + ": " + (entry.firstDay() != null ? entry.firstDay() + " to "
        + entry.lastDay() : entry.startsAt() + " to " + entry.endsAt())).change(null, entry));
    return entry;
  }

  @Transactional
  public void deleteClosure(UUID teamId, UUID closureId) {
    String team = staff.requireTeam(teamId).name();
    TeamCalendar.ClosureEntry closure = closures(teamId).stream().filter(c -> c.id().equals(closureId)).findFirst()
        .orElse(null);
    BusinessCalendar before = calendar(teamId);
    int deleted = jdbc.sql("DELETE FROM sla_closure WHERE id = :id AND team_id = :team").param("id", closureId)
        .param("team", teamId).update();
    if (deleted == 0) {
      throw ProblemException.notFound("closure", closureId);
    }
    bumpVersion(teamId);
    warm(teamId);
    events.publishEvent(new TeamCalendarChanged(teamId, before));
    audit.record(AuditRecord.of("sla.closure.removed", "team", teamId, "Removed closure '"
        + (closure == null ? closureId : closure.label()) + "' of team " + team).change(closure, null));
  }

  /**
   * Builds the changed calendar and its current year now, in the admin's transaction: the first holiday lookup of
   * a country (Jollyday) is slow, and must not happen later inside a conversation's transaction, holding its lock.
   */
  private void warm(UUID teamId) {
    calendar(teamId).isOpen(clock.instant());
  }

  /** Reads "mon-fri 09:00-17:00" rules (a 422 when not understood). */
  public static List<WorkingHours.Interval> parseHours(String text) {
    return HoursText.parse(text).intervals();
  }

  private void bumpVersion(UUID teamId) {
    jdbc.sql("UPDATE sla_calendar SET version = :version, updated_at = :at WHERE team_id = :team")
        .param("version", newVersion()).param("at", utc(clock.instant())).param("team", teamId).update();
  }

  /** A random version, so that a change rolled back never shares its number with a later one (cache keys). */
  private static long newVersion() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong();
  }

  private BusinessCalendar build(TeamCalendar stored) {
    return new BusinessCalendar(ZoneId.of(stored.zone()), new WorkingHours(stored.hours()),
        stored.country() == null ? PublicHolidaySetting.none()
            : new PublicHolidaySetting(stored.country(), stored.subdivision(), stored.bankHolidays()),
        stored.closures().stream().flatMap(c -> toClosures(c).stream()).toList());
  }

  private static void tryBuild(ZoneId zone, WorkingHours hours, PublicHolidaySetting holidays, List<Closure> closures) {
    try {
      new BusinessCalendar(zone, hours, holidays, closures);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-calendar", e.getMessage());
    }
  }

  private static List<Closure> toClosures(TeamCalendar.ClosureEntry entry) {
    if (entry.startsAt() != null) {
      return List.of(Closure.between(entry.startsAt(), entry.endsAt()));
    }
    return entry.firstDay().datesUntil(entry.lastDay().plusDays(1)).map(Closure::day).toList();
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone == null ? "" : zone.strip());
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-time-zone", "'" + zone + "' is not a time zone such as America/Winnipeg.");
    }
  }

  private static PublicHolidaySetting holidays(String country, String subdivision, boolean bankHolidays) {
    PublicHolidaySetting setting;
    try {
      setting = new PublicHolidaySetting(country, subdivision, bankHolidays);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-holidays", e.getMessage());
    }
    if (!setting.country().isEmpty() && !setting.country().matches("[A-Z]{2}")) {
      throw ProblemException.invalid("invalid-holidays", "'" + country + "' is not a two-letter country code.");
    }
    if (!setting.subdivision().isEmpty() && !setting.subdivision().matches("[a-z0-9-]{1,16}")) {
      throw ProblemException.invalid("invalid-holidays", "'" + subdivision + "' is not a subdivision code such as mb.");
    }
    return setting;
  }

  private List<WorkingHours.Interval> intervals(UUID teamId) {
    return jdbc.sql("SELECT * FROM sla_calendar_interval WHERE team_id = :team ORDER BY day_of_week, start_second")
        .param("team", teamId)
        .query((rs, n) -> new WorkingHours.Interval(DayOfWeek.of(rs.getInt("day_of_week")),
            LocalTime.ofSecondOfDay(rs.getInt("start_second")), LocalTime.ofSecondOfDay(rs.getInt("end_second"))))
        .list();
  }

  private List<TeamCalendar.ClosureEntry> closures(UUID teamId) {
    return jdbc.sql("SELECT * FROM sla_closure WHERE team_id = :team ORDER BY COALESCE(first_day, CAST(starts_at AS DATE)), label")
        .param("team", teamId)
        .query((rs, n) -> new TeamCalendar.ClosureEntry(rs.getObject("id", UUID.class), rs.getString("label"),
            rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
            instant(rs, "starts_at"), instant(rs, "ends_at")))
        .list();
  }

  private static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
