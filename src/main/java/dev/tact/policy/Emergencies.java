package dev.tact.policy;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergencies leads declare for a region, during which no marketing reaches people there (R15, the emergency rule).
 * Declaring, changing the end and ending are audited; an emergency is never deleted, so past decisions stay
 * explained.
 */
@Service
public class Emergencies {

  /** What a lead declares: a region, a title, when it starts (null: now) and ends (null: until ended). */
  public record Declaration(String title, String country, String subdivision, Instant startsAt, Instant endsAt,
      Boolean exemptionsSuspended) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog audit;

  Emergencies(JdbcClient jdbc, Clock clock, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Declares an emergency. The region is an ISO country with an optional subdivision; the end, when given, comes
   * after the start; the start is not more than a year back (a typing error). A bad value is a 422, nothing stored.
   */
  @Transactional
  public Emergency declare(Declaration d, String by) {
    if (d == null) {
      throw ProblemException.invalid("missing-title", "title is required: what happened (Hurricane Delta).");
    }
    String title = d.title() == null ? "" : d.title().strip();
    if (title.isEmpty() || title.length() > 200) {
      throw ProblemException.invalid("missing-title", "title is required (at most 200 characters): what happened.");
    }
    Region region = region(d.country(), d.subdivision());
    Instant now = clock.instant();
    Instant starts = d.startsAt() == null ? now : d.startsAt();
    if (starts.isBefore(now.minus(Duration.ofDays(366)))) {
      throw ProblemException.invalid("invalid-starts-at", "startsAt " + starts + " is more than a year ago.");
    }
    if (d.endsAt() != null && !d.endsAt().isAfter(starts)) {
      throw ProblemException.invalid("invalid-ends-at", "endsAt must come after startsAt.");
    }
    boolean suspended = d.exemptionsSuspended() == null || d.exemptionsSuspended();
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO policy_emergency (id, title, country, subdivision, starts_at, ends_at, exemptions_suspended,
          declared_by, declared_at)
        VALUES (:id, :title, :country, :sub, :starts, :ends, :suspended, :by, :at)""")
        .param("id", id).param("title", title).param("country", region.country()).param("sub", region.subdivision())
        .param("starts", utc(starts)).param("ends", utc(d.endsAt())).param("suspended", suspended)
        .param("by", by).param("at", utc(now)).update();
    Emergency emergency = new Emergency(id, title, region, starts, d.endsAt(), suspended, by, now);
    audit.record(AuditRecord.of("policy.emergency.declared", "emergency", id, "Emergency declared in "
        + region.name() + ": " + title).change(null, view(emergency)));
    return emergency;
  }

  /**
   * Ends an emergency at {@code endsAt} (null: now), or moves its end; not before it started. Unknown id: 404.
   */
  @Transactional
  public Emergency end(UUID id, Instant endsAt, String by) {
    Emergency before = find(id).orElseThrow(() -> ProblemException.notFound("emergency", id));
    Instant end = endsAt == null ? clock.instant() : endsAt;
    if (endsAt != null && !end.isAfter(before.startsAt())) {
      throw ProblemException.invalid("invalid-ends-at", "endsAt must come after the emergency's start, "
          + before.startsAt() + ".");
    }
    if (end.isBefore(before.startsAt())) {
      end = before.startsAt(); // ended before it began: it never holds
    }
    jdbc.sql("UPDATE policy_emergency SET ends_at = :ends WHERE id = :id").param("ends", utc(end)).param("id", id)
        .update();
    Emergency after = find(id).orElseThrow();
    audit.record(AuditRecord.of("policy.emergency.ended", "emergency", id, "Emergency in " + before.region().name()
        + " (" + before.title() + ") ends " + end).change(view(before), view(after)));
    return after;
  }

  public Optional<Emergency> find(UUID id) {
    return jdbc.sql("SELECT * FROM policy_emergency WHERE id = :id").param("id", id).query((rs, n) -> row(rs))
        .optional();
  }

  /** Every emergency, newest first. */
  public List<Emergency> all() {
    return jdbc.sql("SELECT * FROM policy_emergency ORDER BY starts_at DESC, id DESC").query((rs, n) -> row(rs))
        .list();
  }

  private static Region region(String country, String subdivision) {
    String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    if (!Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(c)) {
      throw ProblemException.invalid("invalid-country", "country '" + (country == null ? "" : country)
          + "' is not an ISO 3166 country code such as US.");
    }
    String s = subdivision == null ? "" : subdivision.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith(c.toLowerCase(Locale.ROOT) + "-")) {
      s = s.substring(3);
    }
    if (!s.isEmpty() && !s.matches("[a-z0-9]{1,3}")) {
      throw ProblemException.invalid("invalid-subdivision", "subdivision '" + subdivision
          + "' is not a subdivision code such as la.");
    }
    return new Region(c, s.isEmpty() ? null : s);
  }

  private static Map<String, Object> view(Emergency e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", e.title());
    view.put("region", e.region().code());
    view.put("startsAt", e.startsAt().toString());
    view.put("endsAt", e.endsAt() == null ? null : e.endsAt().toString());
    view.put("exemptionsSuspended", e.exemptionsSuspended());
    return view;
  }

  private static Emergency row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Emergency(rs.getObject("id", UUID.class), rs.getString("title"),
        new Region(rs.getString("country"), rs.getString("subdivision")), instant(rs, "starts_at"),
        instant(rs, "ends_at"), rs.getBoolean("exemptions_suspended"), rs.getString("declared_by"),
        instant(rs, "declared_at"));
  }
}
