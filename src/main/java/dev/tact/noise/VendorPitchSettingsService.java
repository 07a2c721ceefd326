package dev.tact.noise;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.ProblemException;
import dev.tact.shared.RefreshingValue;
import dev.tact.staff.AgentState;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor-pitch owner and standard answer: what an admin saved (table {@code noise_settings}), else the
 * configuration ({@code tact.noise.vendor-pitch-owner}, {@code -answer}, {@code -answer-text}). Every node reads a
 * saved change within {@code tact.noise.refresh-interval}; the node that saved it at once. Every change is audited.
 */
@Service
public class VendorPitchSettingsService {

  static final int MAX_OWNER = 320;
  static final int MAX_ANSWER = 5000;

  private final JdbcClient jdbc;
  private final NoiseProperties properties;
  private final StaffDirectory staff;
  private final AuditLog audit;
  private final Clock clock;
  private final RefreshingValue<VendorPitchSettings> current;

  VendorPitchSettingsService(JdbcClient jdbc, NoiseProperties properties, StaffDirectory staff, AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
    this.current = new RefreshingValue<>(this::read, properties.refreshInterval());
  }

  public VendorPitchSettings current() {
    return current.get();
  }

  /**
   * Saves the owner and the answer for every node. An owner that is neither an agent's email nor a team's name, a
   * missing choice of answer, or an answer text that is empty (while answering) or too long is a 422; nothing is
   * changed then.
   */
  @Transactional
  public VendorPitchSettings update(VendorPitchSettings.Change change, String by) {
    if (change == null) {
      throw ProblemException.invalid("invalid-vendor-pitch-settings", "Send owner, answer and answerText.");
    }
    VendorPitchSettings before = read();
    String owner = owner(change.owner());
    if (change.answer() == null) {
      throw ProblemException.invalid("invalid-vendor-pitch-answer", "answer is required: true to give pitches' "
          + "senders the standard answer, false not to.");
    }
    String text = change.answerText() == null || change.answerText().isBlank() ? before.answerText()
        : answerText(change.answerText());
    int updated = jdbc.sql("""
        UPDATE noise_settings SET vendor_pitch_owner = :owner, vendor_pitch_answer = :answer,
          vendor_pitch_text = :text, updated_by = :by, updated_at = :at WHERE id = 1""")
        .params(row(owner, change.answer(), text, by)).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO noise_settings (id, vendor_pitch_owner, vendor_pitch_answer, vendor_pitch_text, updated_by,
            updated_at) VALUES (1, :owner, :answer, :text, :by, :at)""")
          .params(row(owner, change.answer(), text, by)).update();
    }
    current.forgetAfterCommit();
    VendorPitchSettings after = read();
    audit.record(AuditRecord.of("noise.vendor-pitches.changed", "noise-settings", "vendor-pitches",
        "Vendor pitches go to " + (owner.isEmpty() ? "nobody in particular" : owner) + (change.answer()
            ? "; their senders get the standard answer" : "; no standard answer")).change(audited(before),
        audited(after)));
    return after;
  }

  /** Forgets what admins saved: the configuration holds again. */
  @Transactional
  public VendorPitchSettings reset(String by) {
    VendorPitchSettings before = read();
    jdbc.sql("DELETE FROM noise_settings WHERE id = 1").update();
    current.forgetAfterCommit();
    VendorPitchSettings after = read();
    if (before.stored()) {
      audit.record(AuditRecord.of("noise.vendor-pitches.reset", "noise-settings", "vendor-pitches",
          "Vendor pitches follow the configuration again (tact.noise.vendor-pitch-*), reset by " + by)
          .change(audited(before), audited(after)));
    }
    return after;
  }

  private String owner(String owner) {
    String o = owner == null ? "" : owner.strip();
    if (o.isEmpty()) {
      return "";
    }
    if (o.length() > MAX_OWNER || ControlCharacters.firstIn(o) >= 0) {
      throw ProblemException.invalid("invalid-vendor-pitch-owner", "The owner is an agent's email or a team's "
          + "name, one line of at most " + MAX_OWNER + " characters.");
    }
    if (o.contains("@")) {
      return staff.findAgentByEmail(o).filter(a -> a.state() != AgentState.DEACTIVATED).map(a -> a.email())
          .orElseThrow(() -> ProblemException.invalid("unknown-vendor-pitch-owner", "No agent has the email '" + o
              + "' (or they are deactivated)."));
    }
    return staff.teamByName(o).map(t -> t.name()).orElseThrow(() -> ProblemException.invalid(
        "unknown-vendor-pitch-owner", "'" + o + "' is neither a team's name nor an agent's email."));
  }

  private static String answerText(String text) {
    String t = text.strip();
    if (t.length() > MAX_ANSWER) {
      throw ProblemException.invalid("invalid-vendor-pitch-answer", "The standard answer may have at most "
          + MAX_ANSWER + " characters.");
    }
    return t;
  }

  private Map<String, Object> row(String owner, boolean answer, String text, String by) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("owner", owner);
    params.put("answer", answer);
    params.put("text", text);
    params.put("by", by == null ? "unknown" : by);
    params.put("at", utc(clock.instant()));
    return params;
  }

  private static Map<String, Object> audited(VendorPitchSettings s) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("owner", s.owner());
    shown.put("answer", s.answer());
    shown.put("answerText", s.answerText());
    shown.put("source", s.stored() ? "saved by an admin" : "configuration");
    return shown;
  }

  private VendorPitchSettings read() {
    return jdbc.sql("""
        SELECT vendor_pitch_owner, vendor_pitch_answer, vendor_pitch_text, updated_by, updated_at
        FROM noise_settings WHERE id = 1""")
        .query((rs, n) -> new VendorPitchSettings(rs.getString(1), rs.getBoolean(2), rs.getString(3), true,
            rs.getString(4), instant(rs, "updated_at")))
        .optional()
        .orElseGet(() -> new VendorPitchSettings(properties.vendorPitchOwner(), properties.vendorPitchAnswer(),
            properties.vendorPitchAnswerText(), false, null, null));
  }
}
