package dev.tact.delivery;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.delivery.pacing.PacingProperties;
import dev.tact.shared.ProblemException;
import dev.tact.shared.RefreshingValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pacing limits: what an admin saved (row {@code pacing} of {@code delivery_settings}), else the configuration
 * ({@code tact.delivery.pacing.*}). The number of sending nodes and the warm-up stay the configuration's. The pacer
 * asks {@link #effective()} for every send (kept in memory; re-read within {@code tact.delivery.settings-refresh},
 * at once on the node that saved) and starts its buckets afresh when the limits change.
 */
@Service
public class PacingSettingsService {

  static final String ROW = "pacing";
  static final double MAX_RATE = 100_000;
  static final int MAX_BURST = 1_000_000;
  static final int MAX_DOMAINS = 1000;
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

  /** The row's JSON. */
  record StoredPacing(boolean enabled, double defaultRate, int defaultBurst, double globalRate,
      List<PacingSettings.DomainLimit> domains) {}

  private record Loaded(PacingSettings settings, PacingProperties effective) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final PacingProperties configured;
  private final AuditLog audit;
  private final Clock clock;
  private final RefreshingValue<Loaded> current;

  PacingSettingsService(JdbcClient jdbc, JsonMapper json, PacingProperties configured, DeliveryProperties delivery,
      AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.configured = configured;
    this.audit = audit;
    this.clock = clock;
    this.current = new RefreshingValue<>(this::load, delivery.settingsRefresh());
  }

  public PacingSettings settings() {
    return current.get().settings();
  }

  /** The limits the pacer works with now; the same instance until they change. */
  public PacingProperties effective() {
    return current.get().effective();
  }

  /**
   * Saves the limits for every node. A rate that is not a positive number of sends per second (at most {@value
   * #MAX_RATE}), a burst below 1, a domain that is no domain name or is named twice: 422, nothing changed.
   */
  @Transactional
  public PacingSettings update(PacingSettings.Change change, String by) {
    if (change == null) {
      throw invalid("Send enabled, defaultRate, defaultBurst, globalRate and domains.");
    }
    if (change.enabled() == null) {
      throw invalid("enabled is required: true to pace, false to let every send leave at once.");
    }
    double defaultRate = rate(change.defaultRate(), "defaultRate");
    int defaultBurst = burst(change.defaultBurst(), "defaultBurst");
    double globalRate = rate(change.globalRate(), "globalRate");
    List<PacingSettings.DomainLimit> domains = domains(change.domains());
    Loaded before = load();
    String stored = json.writeValueAsString(new StoredPacing(change.enabled(), defaultRate, defaultBurst,
        globalRate, domains));
    Map<String, Object> params = Map.of("name", ROW, "settings", stored, "by", by == null ? "unknown" : by,
        "at", utc(clock.instant()));
    int updated = jdbc.sql("""
        UPDATE delivery_settings SET settings = :settings, version = version + 1, updated_by = :by, updated_at = :at
        WHERE name = :name""").params(params).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO delivery_settings (name, settings, secret, version, updated_by, updated_at)
          VALUES (:name, :settings, NULL, 1, :by, :at)""").params(params).update();
    }
    current.forgetAfterCommit();
    Loaded after = load();
    audit.record(AuditRecord.of("delivery.pacing.changed", "delivery-settings", ROW, describe(after.settings()))
        .change(audited(before.settings()), audited(after.settings())));
    return after.settings();
  }

  /** Forgets what admins saved: the configured limits hold again. */
  @Transactional
  public PacingSettings reset(String by) {
    Loaded before = load();
    jdbc.sql("DELETE FROM delivery_settings WHERE name = :name").param("name", ROW).update();
    current.forgetAfterCommit();
    Loaded after = load();
    if (before.settings().stored()) {
      audit.record(AuditRecord.of("delivery.pacing.reset", "delivery-settings", ROW, "Pacing follows the "
          + "configuration again (tact.delivery.pacing.*), reset by " + by)
          .change(audited(before.settings()), audited(after.settings())));
    }
    return after.settings();
  }

  private Loaded load() {
    Optional<Loaded> saved = jdbc.sql("SELECT settings, updated_by, updated_at FROM delivery_settings WHERE name = :n")
        .param("n", ROW)
        .query((rs, n) -> {
          StoredPacing s = json.readValue(rs.getString("settings"), StoredPacing.class);
          Map<String, PacingProperties.Limit> limits = new TreeMap<>();
          s.domains().forEach(d -> limits.put(d.domain(), new PacingProperties.Limit(d.rate(), d.burst())));
          PacingProperties effective = new PacingProperties(s.enabled(), configured.nodes(), s.defaultRate(),
              s.defaultBurst(), s.globalRate(), limits, configured.warmup());
          return new Loaded(new PacingSettings(s.enabled(), s.defaultRate(), s.defaultBurst(), s.globalRate(),
              List.copyOf(s.domains()), configured.nodes(), true, rs.getString("updated_by"),
              instant(rs, "updated_at")), effective);
        }).optional();
    return saved.orElseGet(() -> new Loaded(new PacingSettings(configured.enabled(), configured.defaultRate(),
        configured.defaultBurst(), configured.globalRate(), configured.domains().entrySet().stream()
            .map(e -> new PacingSettings.DomainLimit(e.getKey(), e.getValue().rate(), e.getValue().burst()))
            .toList(), configured.nodes(), false, null, null), configured));
  }

  private static String describe(PacingSettings s) {
    if (!s.enabled()) {
      return "Pacing off: every send may leave at once";
    }
    return "Pacing: " + number(s.defaultRate()) + "/s per domain (burst " + s.defaultBurst() + "), "
        + number(s.globalRate()) + "/s in all" + (s.domains().isEmpty() ? "" : ", " + s.domains().size()
        + " domain" + (s.domains().size() == 1 ? "" : "s") + " with their own limit");
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static Map<String, Object> audited(PacingSettings s) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("enabled", s.enabled());
    shown.put("defaultRate", s.defaultRate());
    shown.put("defaultBurst", s.defaultBurst());
    shown.put("globalRate", s.globalRate());
    shown.put("domains", s.domains());
    shown.put("source", s.stored() ? "saved by an admin" : "configuration");
    return shown;
  }

  private static double rate(Double rate, String name) {
    if (rate == null || !(rate > 0) || rate.isInfinite() || rate > MAX_RATE) {
      throw invalid(name + " must be a number of sends per second above 0 and at most " + (long) MAX_RATE
          + ", not " + rate + ".");
    }
    return rate;
  }

  private static int burst(Integer burst, String name) {
    if (burst == null || burst < 1 || burst > MAX_BURST) {
      throw invalid(name + " must be a whole number of sends from 1 to " + MAX_BURST + ", not " + burst + ".");
    }
    return burst;
  }

  private static List<PacingSettings.DomainLimit> domains(List<PacingSettings.DomainLimit> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_DOMAINS) {
      throw invalid("At most " + MAX_DOMAINS + " domains may have their own limit.");
    }
    Set<String> seen = new HashSet<>();
    List<PacingSettings.DomainLimit> domains = new ArrayList<>();
    for (PacingSettings.DomainLimit limit : given) {
      if (limit == null) {
        throw invalid("A domain limit is missing.");
      }
      String domain = limit.domain() == null ? "" : limit.domain().strip().toLowerCase(Locale.ROOT);
      if (domain.endsWith(".")) {
        domain = domain.substring(0, domain.length() - 1);
      }
      if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
        throw invalid("'" + limit.domain() + "' is not a domain name such as gmail.com.");
      }
      if (!seen.add(domain)) {
        throw invalid(domain + " is named twice.");
      }
      domains.add(new PacingSettings.DomainLimit(domain, rate(limit.rate(), domain + "'s rate"),
          burst(limit.burst(), domain + "'s burst")));
    }
    domains.sort(Comparator.comparing(PacingSettings.DomainLimit::domain));
    return List.copyOf(domains);
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.invalid("invalid-pacing", detail);
  }
}
