package dev.tact.staff;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's own account: their profile and their password. */
@Service
public class Accounts {

  static final int MAX_SIGNATURE = 2000;
  static final int MAX_LANGUAGES = 20;
  private static final Set<String> ISO_639_1 = Set.of(java.util.Locale.getISOLanguages());
  private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;

  Accounts(JdbcClient jdbc, StaffDirectory staff, PasswordEncoder passwords, ApplicationEventPublisher events,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.passwords = passwords;
    this.events = events;
    this.audit = audit;
  }

  public AgentProfile profile(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    record Row(String timeZone, String signature) {}
    Row row = jdbc.sql("SELECT time_zone, signature FROM staff_agent WHERE id = :id").param("id", agentId)
        .query((rs, n) -> new Row(rs.getString("time_zone"), rs.getString("signature"))).single();
    List<String> languages = jdbc.sql("SELECT language FROM staff_agent_language WHERE agent_id = :id ORDER BY position")
        .param("id", agentId).query(String.class).list();
    return new AgentProfile(agentId, agent.email(), agent.displayName(), row.timeZone(), row.signature(), languages);
  }

  /**
   * Replaces the agent's profile. The time zone must be one Java knows (e.g. Europe/Berlin; blank: none), languages
   * ISO 639-1 codes ("de", "DE-ch" counts as de), the signature at most {@value #MAX_SIGNATURE} characters. Bad
   * input is a 422 and nothing changes.
   */
  @Transactional
  public AgentProfile updateProfile(UUID agentId, String displayName, String timeZone, String signature,
      Collection<String> languages) {
    AgentProfile before = profile(agentId);
    String name = StaffInput.displayName(displayName);
    String zone = timeZone(timeZone);
    String sig = signature(signature);
    List<String> langs = languages(languages);
    jdbc.sql("UPDATE staff_agent SET display_name = :name, time_zone = :zone, signature = :signature WHERE id = :id")
        .param("name", name).param("zone", zone).param("signature", sig).param("id", agentId).update();
    jdbc.sql("DELETE FROM staff_agent_language WHERE agent_id = :id").param("id", agentId).update();
    for (int i = 0; i < langs.size(); i++) {
      jdbc.sql("INSERT INTO staff_agent_language (agent_id, language, position) VALUES (:id, :language, :position)")
          .param("id", agentId).param("language", langs.get(i)).param("position", i).update();
    }
    AgentProfile after = profile(agentId);
    if (!after.equals(before)) {
      audit.record(AuditRecord.of("staff.profile.updated", "agent", agentId, after.displayName()
          + " updated their profile").change(snapshot(before), snapshot(after)));
    }
    return after;
  }

  /**
   * Changes the agent's password; the current one must be given (a wrong one is a 422 {@code wrong-password},
   * recorded in the audit log). The agent's other sessions end by {@link AgentPasswordChanged}.
   */
  @Transactional
  public void changePassword(UUID agentId, String current, String password, String repeated) {
    Agent agent = staff.requireAgent(agentId);
    String hash = jdbc.sql("SELECT password_hash FROM staff_agent WHERE id = :id").param("id", agentId)
        .query(String.class).optional().orElse(null);
    if (hash == null || current == null || !passwords.matches(current, hash)) {
      audit.recordAlone(AuditRecord.of("staff.password.change-failed", "agent", agentId, agent.displayName()
          + " tried to change their password with a wrong current password"));
      throw ProblemException.invalid("wrong-password", "The current password is not right.");
    }
    PasswordRules.checkRepeated(password, repeated, agent.email());
    if (password.equals(current)) {
      throw ProblemException.invalid("same-password", "Choose a new password, not the current one.");
    }
    jdbc.sql("UPDATE staff_agent SET password_hash = :hash WHERE id = :id")
        .param("hash", passwords.encode(password)).param("id", agentId).update();
    audit.record(AuditRecord.of("staff.password.changed", "agent", agentId, agent.displayName()
        + " changed their password"));
    events.publishEvent(new AgentPasswordChanged(agentId, agent.email()));
  }

  /** Every zone Java knows, sorted, for a form's suggestions. */
  public static List<String> timeZones() {
    return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
        && !z.startsWith("SystemV/")).sorted().toList();
  }

  /** Language codes typed as "de, en-GB fr" into a list, normalised. */
  public static List<String> splitLanguages(String typed) {
    return typed == null ? List.of() : Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  static String timeZone(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      String id = ZoneId.of(typed.strip()).getId();
      if (id.length() > 64) {
        throw new DateTimeException("too long");
      }
      return id;
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-time-zone", "'" + typed.strip() + "' is not a time zone such as "
          + "Europe/Berlin or America/New_York.");
    }
  }

  static String signature(String typed) {
    if (typed == null) {
      return null;
    }
    String normal = typed.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    if (normal.isBlank()) {
      return null;
    }
    if (normal.length() > MAX_SIGNATURE || CONTROL_BUT_LINES.matcher(normal).find()) {
      throw ProblemException.invalid("invalid-signature", "A signature is text of at most " + MAX_SIGNATURE
          + " characters.");
    }
    return normal;
  }

  static List<String> languages(Collection<String> typed) {
    List<String> codes;
    try {
      codes = TeamSkills.normaliseLanguages(typed);
    } catch (ProblemException e) {
      throw ProblemException.invalid("invalid-language", e.getMessage());
    }
    for (String code : codes) {
      if (!ISO_639_1.contains(code)) {
        throw ProblemException.invalid("invalid-language", "'" + code + "' is not an ISO 639-1 language code such "
            + "as en or de.");
      }
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(codes));
    if (distinct.size() > MAX_LANGUAGES) {
      throw ProblemException.invalid("invalid-language", "Name at most " + MAX_LANGUAGES + " languages.");
    }
    return distinct;
  }

  private static Map<String, Object> snapshot(AgentProfile profile) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("displayName", profile.displayName());
    snapshot.put("timeZone", profile.timeZone());
    snapshot.put("signature", profile.signature());
    snapshot.put("languages", profile.languages());
    return snapshot;
  }
}
