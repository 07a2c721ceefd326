package dev.tact.staff;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time setup link of an installation that has no admin: printed on the console once, it lets whoever runs
 * Tact choose the first admin's email, name and password. One row in the database holds it, so that of several nodes
 * starting at once exactly one makes a link, and a new one is made only after it expired.
 */
@Service
public class SetupLinks {

  /** A setup link this node just made, to print. */
  public record Issued(String url, Instant expiresAt) {}

  /** The link that works now, made earlier (perhaps by another node). */
  public record Current(Instant createdAt, Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final StaffLinks links;
  private final StaffProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  SetupLinks(JdbcClient jdbc, StaffDirectory staff, StaffLinks links, StaffProperties properties, AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.links = links;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Makes a setup link when there is no admin and no link that still works; empty when an admin exists or another
   * link works (see {@link #current}).
   */
  @Transactional
  public Optional<Issued> issueIfNone() {
    if (staff.hasActiveAdmin()) {
      return Optional.empty();
    }
    String token = Secrets.newToken();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.setupValidity());
    boolean made = jdbc.sql("""
        INSERT INTO staff_setup_link (id, token_hash, created_at, expires_at) VALUES (1, :hash, :now, :expires)
        ON CONFLICT DO NOTHING""")
        .param("hash", Secrets.sha256(token)).param("now", utc(now)).param("expires", utc(expires)).update() == 1
        || jdbc.sql("""
        UPDATE staff_setup_link SET token_hash = :hash, created_at = :now, expires_at = :expires
        WHERE id = 1 AND expires_at <= :now""")
        .param("hash", Secrets.sha256(token)).param("now", utc(now)).param("expires", utc(expires)).update() == 1;
    if (!made) {
      return Optional.empty();
    }
    audit.record(AuditRecord.of("staff.setup.link-issued", "installation", "setup", "A setup link for the first admin "
        + "was printed on the console, valid until " + expires).by(AuditActor.SYSTEM));
    return Optional.of(new Issued(links.url("/setup/" + token), expires));
  }

  /** The setup link that works now, if any. */
  public Optional<Current> current() {
    return jdbc.sql("SELECT created_at, expires_at FROM staff_setup_link WHERE id = 1 AND expires_at > :now")
        .param("now", utc(clock.instant()))
        .query((rs, n) -> new Current(instant(rs, "created_at"), instant(rs, "expires_at"))).optional();
  }

  /** What a setup link is worth now: USED once an admin exists. */
  public LinkCheck check(String token) {
    if (staff.hasActiveAdmin()) {
      return LinkCheck.of(LinkStatus.USED);
    }
    if (!Secrets.wellFormed(token)) {
      return LinkCheck.of(LinkStatus.UNKNOWN);
    }
    return jdbc.sql("SELECT expires_at FROM staff_setup_link WHERE id = 1 AND token_hash = :hash")
        .param("hash", Secrets.sha256(token)).query((rs, n) -> instant(rs, "expires_at")).optional()
        .map(expires -> clock.instant().isBefore(expires) ? new LinkCheck(LinkStatus.VALID, null, null, expires)
            : LinkCheck.of(LinkStatus.EXPIRED))
        .orElse(LinkCheck.of(LinkStatus.UNKNOWN));
  }

  /**
   * Creates the first admin with the link: bad input is a 422 and the link keeps working; a link that does not work
   * (expired, used, an admin exists) a 410 or 404. Of two people sending the form at once, one succeeds.
   */
  @Transactional
  public Agent complete(String token, String email, String displayName, String password, String repeated) {
    LinkStatus status = check(token).status();
    if (status != LinkStatus.VALID) {
      throw LinkProblems.of(status, "setup");
    }
    String address = StaffInput.email(email);
    StaffInput.displayName(displayName);
    PasswordRules.checkRepeated(password, repeated, address);
    boolean consumed = jdbc.sql("DELETE FROM staff_setup_link WHERE id = 1 AND token_hash = :hash AND expires_at > :now")
        .param("hash", Secrets.sha256(token)).param("now", utc(clock.instant())).update() == 1;
    if (!consumed || staff.hasActiveAdmin()) {
      throw LinkProblems.of(LinkStatus.USED, "setup");
    }
    Agent admin = staff.createAgent(address, displayName, Role.ADMIN, password);
    audit.record(AuditRecord.of("staff.setup.completed", "agent", admin.id(), "The first admin, " + admin.displayName()
        + " <" + admin.email() + ">, was created with the setup link")
        .by(new AuditActor(AuditActor.Kind.AGENT, admin.email())));
    return admin;
  }
}
