package dev.tact.staff.signin;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Installation-wide sign-in rules that admins set: whether every agent must sign in with two factors. */
@Service
public class SignInPolicy {

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  SignInPolicy(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean requiresTwoFactor() {
    return jdbc.sql("SELECT require_two_factor FROM staff_signin_policy WHERE id = 1").query(Boolean.class).single();
  }

  @Transactional
  public void requireTwoFactor(boolean required) {
    boolean before = requiresTwoFactor();
    if (before == required) {
      return;
    }
    jdbc.sql("UPDATE staff_signin_policy SET require_two_factor = :required, updated_at = :now WHERE id = 1")
        .param("required", required).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    audit.record(AuditRecord.of("signin.policy.updated", "signin-policy", "two-factor",
        required ? "Required two-factor sign-in for every agent" : "Made two-factor sign-in optional")
        .change(Map.of("requireTwoFactor", before), Map.of("requireTwoFactor", required)));
  }
}
