package dev.tact.survey;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The survey settings an admin saved (table {@code survey_settings}), else {@link SurveySettings#DEFAULTS}. */
@Service
public class SurveySettingsService {

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  SurveySettingsService(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  public SurveySettings current() {
    return jdbc.sql("SELECT enabled, scale, updated_by, updated_at FROM survey_settings WHERE id = 1")
        .query((rs, n) -> new SurveySettings(rs.getBoolean("enabled"), rs.getInt("scale"), rs.getString("updated_by"),
            instant(rs, "updated_at")))
        .optional().orElse(SurveySettings.DEFAULTS);
  }

  /** Saves a change (a field left out keeps its value); a scale other than 2 or 5 is a 422, nothing changed. */
  @Transactional
  public SurveySettings update(SurveySettings.Change change, String by) {
    if (change == null || (change.enabled() == null && change.scale() == null)) {
      throw ProblemException.invalid("invalid-survey-settings", "Send enabled (true or false) and/or scale (2 or 5).");
    }
    if (change.scale() != null && !SurveyScale.ALLOWED.contains(change.scale())) {
      throw ProblemException.invalid("invalid-survey-scale", "scale is 2 (good / not good) or 5 (1 to 5), not "
          + change.scale() + ".");
    }
    SurveySettings before = current();
    boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
    int scale = change.scale() == null ? before.scale() : change.scale();
    Instant now = clock.instant();
    int updated = jdbc.sql("UPDATE survey_settings SET enabled = :enabled, scale = :scale, updated_by = :by, "
        + "updated_at = :at WHERE id = 1").param("enabled", enabled).param("scale", scale).param("by", by)
        .param("at", utc(now)).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO survey_settings (id, enabled, scale, updated_by, updated_at) VALUES (1, :enabled, :scale, "
          + ":by, :at)").param("enabled", enabled).param("scale", scale).param("by", by).param("at", utc(now))
          .update();
    }
    audit.record(AuditRecord.of("survey.settings.changed", "survey-settings", "survey", "Surveys are "
        + (enabled ? "on" : "off") + ", on a scale of " + (scale == 2 ? "good / not good" : "1 to 5") + " (were "
        + (before.enabled() ? "on" : "off") + ", scale " + before.scale() + ")"));
    return current();
  }
}
