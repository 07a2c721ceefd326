package dev.tact.policy;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings the contact policy runs under, editable by admins and shared by every node: the
 * saved row in {@code policy_settings}, or the configured defaults ({@code tact.policy.*}) until
 * an admin saves. {@link #policy()} gives the policy built from the newest settings, rebuilt only
 * when their version changes (one small query per call: callers ask once per batch).
 */
@Service
public class PolicySettingsService {

  private record Built(long version, PolicySettings settings, ContactPolicy policy) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final PolicySettings defaults;
  private final AtomicReference<Built> current;
  private final AuditLog audit;

  PolicySettingsService(JdbcClient jdbc, JsonMapper json, Clock clock, PolicySettings configuredDefaults,
      AuditLog audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.defaults = configuredDefaults;
    this.current = new AtomicReference<>(new Built(0, configuredDefaults, ContactPolicies.standard(configuredDefaults)));
  }

  public PolicySettings settings() {
    return refreshed().settings();
  }

  public ContactPolicy policy() {
    return refreshed().policy();
  }

  /** Saves new settings for every node; a bad value is a 422 and changes nothing. */
  @Transactional
  public PolicySettings update(PolicySettingsForm form, String by) {
    PolicySettings settings = form.toSettings();
    PolicySettingsForm before = PolicySettingsForm.of(settings());
    String stored = json.writeValueAsString(PolicySettingsForm.of(settings));
    int updated = jdbc.sql("""
        UPDATE policy_settings SET settings = :settings, version = version + 1, updated_by = :by, updated_at = :at
        WHERE id = 1""").param("settings", stored).param("by", by).param("at", utc(clock.instant())).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO policy_settings (id, settings, version, updated_by, updated_at)
          VALUES (1, :settings, 1, :by, :at)""").param("settings", stored).param("by", by)
          .param("at", utc(clock.instant())).update();
    }
    PolicySettings saved = refreshed().settings();
    audit.record(AuditRecord.of("policy.settings.changed", "policy-settings", 1, "Contact policy settings saved by "
        + by).change(before, PolicySettingsForm.of(saved)));
    return saved;
  }

  private Built refreshed() {
    Optional<Long> version = jdbc.sql("SELECT version FROM policy_settings WHERE id = 1").query(Long.class).optional();
    Built built = current.get();
    long wanted = version.orElse(0L);
    if (built.version() == wanted) {
      return built;
    }
    PolicySettings settings = version.isEmpty() ? defaults : json.readValue(
        jdbc.sql("SELECT settings FROM policy_settings WHERE id = 1").query(String.class).single(),
        PolicySettingsForm.class).toSettings();
    Built fresh = new Built(wanted, settings, ContactPolicies.standard(settings));
    current.set(fresh);
    return fresh;
  }
}
