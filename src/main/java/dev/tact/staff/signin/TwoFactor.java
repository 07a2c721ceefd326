package dev.tact.staff.signin;

import static dev.tact.shared.SqlTime.instant;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import dev.tact.shared.secrets.SecretBox;
import dev.tact.staff.Agent;
import dev.tact.staff.TwoFactorStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' authenticator apps (TOTP, RFC 6238) and recovery codes. The secret is stored encrypted with the
 * installation's key; a code is accepted in the current time step or the one before or after (clocks drift), and
 * never twice (a step at or before the last one used is refused).
 */
@Service
public class TwoFactor {

  static final String ISSUER = "Tact";
  private static final int SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends for HMAC-SHA1

  /** How a second factor was proven, or that it was not. */
  public enum Verification { AUTHENTICATOR_CODE, RECOVERY_CODE, WRONG }

  private final JdbcClient jdbc;
  private final SecretBox secrets;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TwoFactor(JdbcClient jdbc, SecretBox secrets, PasswordEncoder passwords, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  private record Row(String secret, Instant confirmedAt, long lastUsedStep) {}

  public TwoFactorStatus status(UUID agentId) {
    return row(agentId).map(row -> new TwoFactorStatus(row.confirmedAt() != null, row.confirmedAt(),
        row.confirmedAt() == null ? 0 : recoveryCodesLeft(agentId), row.confirmedAt() == null))
        .orElse(TwoFactorStatus.OFF);
  }

  public boolean isEnabled(UUID agentId) {
    return row(agentId).map(row -> row.confirmedAt() != null).orElse(false);
  }

  /**
   * The secret an agent adds to their app before confirming it with a first code. A setup already started is shown
   * again unless {@code fresh} asks for a new secret.
   */
  @Transactional
  public AuthenticatorEnrolment startEnrolment(Agent agent, boolean fresh) {
    Optional<Row> existing = row(agent.id());
    if (existing.isPresent() && existing.get().confirmedAt() != null) {
      throw ProblemException.conflict("two-factor-on", "Two-factor sign-in is on already; turn it off first.");
    }
    String secret;
    if (existing.isPresent() && !fresh) {
      secret = secrets.decrypt(existing.get().secret());
    } else {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      secret = Base32.encode(bytes);
      jdbc.sql("DELETE FROM staff_two_factor WHERE agent_id = :agent").param("agent", agent.id()).update();
      jdbc.sql("""
          INSERT INTO staff_two_factor (agent_id, secret, created_at, confirmed_at, last_used_step)
          VALUES (:agent, :secret, :now, NULL, 0)""")
          .param("agent", agent.id()).param("secret", secrets.encrypt(secret)).param("now", now()).update();
    }
    return enrolment(agent.email(), secret);
  }

  static AuthenticatorEnrolment enrolment(String email, String secret) {
    String label = encode(ISSUER + ":" + email);
    String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER)
        + "&algorithm=SHA1&digits=6&period=30";
    return new AuthenticatorEnrolment(secret, uri, QrCodes.svgDataUri(uri));
  }

  /** Turns two-factor sign-in on when the code matches the secret being set up; returns the new recovery codes. */
  @Transactional
  public List<String> confirm(Agent agent, String code) {
    Row row = row(agent.id()).filter(r -> r.confirmedAt() == null).orElseThrow(() -> ProblemException.conflict(
        "no-two-factor-setup", "There is no two-factor setup waiting for a code; start again."));
    long step = matchingStep(Base32.decode(secrets.decrypt(row.secret())), code, -1)
        .orElseThrow(() -> ProblemException.invalid("wrong-code",
            "That code does not match. Check the time on your phone and enter the code the app shows now."));
    jdbc.sql("UPDATE staff_two_factor SET confirmed_at = :now, last_used_step = :step WHERE agent_id = :agent")
        .param("now", now()).param("step", step).param("agent", agent.id()).update();
    List<String> codes = replaceRecoveryCodes(agent.id());
    audit.record(AuditRecord.of("signin.two-factor.enabled", "agent", agent.id(),
        "Turned on two-factor sign-in with an authenticator app for " + agent.email()));
    return codes;
  }

  /** Checks a second factor at sign-in: an authenticator code, or an unused recovery code (used up by this). */
  @Transactional
  public Verification verify(Agent agent, String code) {
    Optional<Row> row = row(agent.id()).filter(r -> r.confirmedAt() != null);
    if (row.isEmpty() || code == null) {
      return Verification.WRONG;
    }
    if (RecoveryCodes.looksLikeOne(code)) {
      int used = jdbc.sql("""
          UPDATE staff_recovery_code SET used_at = :now
          WHERE code_hash = :hash AND agent_id = :agent AND used_at IS NULL""")
          .param("now", now()).param("hash", RecoveryCodes.hash(code)).param("agent", agent.id()).update();
      if (used == 1) {
        audit.record(AuditRecord.of("signin.recovery-code.used", "agent", agent.id(),
            "Used a recovery code to sign in as " + agent.email() + " (" + recoveryCodesLeft(agent.id()) + " left)"));
        return Verification.RECOVERY_CODE;
      }
      return Verification.WRONG;
    }
    Optional<Long> step = matchingStep(Base32.decode(secrets.decrypt(row.get().secret())), code,
        row.get().lastUsedStep());
    // the guarded update makes a code good once even when two requests bring it at the same moment
    if (step.isPresent() && jdbc.sql("""
        UPDATE staff_two_factor SET last_used_step = :step WHERE agent_id = :agent AND last_used_step < :step""")
        .param("step", step.get()).param("agent", agent.id()).update() == 1) {
      return Verification.AUTHENTICATOR_CODE;
    }
    return Verification.WRONG;
  }

  /** Turns two-factor sign-in off for the agent themself, who proves it is them with their password. */
  @Transactional
  public void disable(Agent agent, String password) {
    requirePassword(agent, password);
    if (!isEnabled(agent.id())) {
      throw ProblemException.conflict("two-factor-off", "Two-factor sign-in is not on.");
    }
    remove(agent.id());
    audit.record(AuditRecord.of("signin.two-factor.disabled", "agent", agent.id(),
        "Turned off two-factor sign-in for " + agent.email()));
  }

  /** New recovery codes in place of the old ones, for the agent themself (with their password). */
  @Transactional
  public List<String> newRecoveryCodes(Agent agent, String password) {
    requirePassword(agent, password);
    if (!isEnabled(agent.id())) {
      throw ProblemException.conflict("two-factor-off", "Two-factor sign-in is not on.");
    }
    List<String> codes = replaceRecoveryCodes(agent.id());
    audit.record(AuditRecord.of("signin.recovery-codes.replaced", "agent", agent.id(),
        "Made new recovery codes for " + agent.email() + "; the old ones no longer work"));
    return codes;
  }

  /** An admin removes an agent's authenticator (a lost phone); returns whether there was one. */
  @Transactional
  public boolean reset(Agent agent) {
    TwoFactorStatus before = status(agent.id());
    if (remove(agent.id()) == 0) {
      return false;
    }
    audit.record(AuditRecord.of("signin.two-factor.reset", "agent", agent.id(),
        "Reset the two-factor sign-in of " + agent.email() + " (their authenticator and recovery codes)")
        .change(Map.of("enabled", before.enabled()), Map.of("enabled", false)));
    return true;
  }

  private int remove(UUID agentId) {
    jdbc.sql("DELETE FROM staff_recovery_code WHERE agent_id = :agent").param("agent", agentId).update();
    return jdbc.sql("DELETE FROM staff_two_factor WHERE agent_id = :agent").param("agent", agentId).update();
  }

  private void requirePassword(Agent agent, String password) {
    String hash = jdbc.sql("SELECT password_hash FROM staff_agent WHERE id = :id").param("id", agent.id())
        .query(String.class).single();
    if (password == null || password.isEmpty() || !passwords.matches(password, hash)) {
      throw ProblemException.invalid("wrong-password", "That is not your password.");
    }
  }

  private List<String> replaceRecoveryCodes(UUID agentId) {
    jdbc.sql("DELETE FROM staff_recovery_code WHERE agent_id = :agent").param("agent", agentId).update();
    List<String> codes = RecoveryCodes.generate();
    for (String code : codes) {
      jdbc.sql("INSERT INTO staff_recovery_code (code_hash, agent_id, created_at) VALUES (:hash, :agent, :now)")
          .param("hash", RecoveryCodes.hash(code)).param("agent", agentId).param("now", now()).update();
    }
    return codes;
  }

  private int recoveryCodesLeft(UUID agentId) {
    return jdbc.sql("SELECT COUNT(*) FROM staff_recovery_code WHERE agent_id = :agent AND used_at IS NULL")
        .param("agent", agentId).query(Integer.class).single();
  }

  /** The time step (now, or one either side) whose code this is, if after {@code afterStep}. */
  private Optional<Long> matchingStep(byte[] secret, String code, long afterStep) {
    String digits = code == null ? "" : code.replaceAll("\\s", "");
    if (!digits.matches("\\d{6}")) {
      return Optional.empty();
    }
    long now = Totp.AUTHENTICATOR_APP.step(clock.instant());
    for (long step = now - 1; step <= now + 1; step++) {
      if (step > afterStep && MessageDigest.isEqual(Totp.AUTHENTICATOR_APP.codeAt(secret, step)
          .getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  private Optional<Row> row(UUID agentId) {
    return jdbc.sql("SELECT secret, confirmed_at, last_used_step FROM staff_two_factor WHERE agent_id = :agent")
        .param("agent", agentId)
        .query((rs, n) -> new Row(rs.getString("secret"), instant(rs, "confirmed_at"), rs.getLong("last_used_step")))
        .optional();
  }

  private java.time.OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
