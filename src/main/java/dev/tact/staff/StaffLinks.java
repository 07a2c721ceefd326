package dev.tact.staff;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links mailed to agents (invitations, password resets): made with a random secret of which only the
 * hash is stored, opened by that secret, used once.
 */
@Component
class StaffLinks {

  /** A link just made; {@code token} is its secret, which exists only in the link. */
  record Issued(UUID id, String token, Instant expiresAt) {}

  /** A stored link as found by its secret. */
  record Found(UUID id, UUID agentId, LinkPurpose purpose, Instant expiresAt, Instant usedAt, Instant revokedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final StaffProperties properties;
  private final Environment environment;

  StaffLinks(JdbcClient jdbc, Clock clock, StaffProperties properties, Environment environment) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.environment = environment;
  }

  Issued issue(UUID agentId, LinkPurpose purpose, Duration validity) {
    String token = Secrets.newToken();
    UUID id = Ids.newId();
    Instant now = clock.instant();
    Instant expires = now.plus(validity);
    jdbc.sql("""
        INSERT INTO staff_link (id, agent_id, purpose, token_hash, created_at, expires_at)
        VALUES (:id, :agent, :purpose, :hash, :now, :expires)""")
        .param("id", id).param("agent", agentId).param("purpose", purpose.name())
        .param("hash", Secrets.sha256(token)).param("now", utc(now)).param("expires", utc(expires)).update();
    return new Issued(id, token, expires);
  }

  Optional<Found> find(String token) {
    if (!Secrets.wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM staff_link WHERE token_hash = :hash").param("hash", Secrets.sha256(token))
        .query((rs, n) -> new Found(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
            LinkPurpose.valueOf(rs.getString("purpose")), instant(rs, "expires_at"), instant(rs, "used_at"),
            instant(rs, "revoked_at")))
        .optional();
  }

  /** What a found link (or none) is worth for this purpose now. */
  LinkStatus status(Optional<Found> found, LinkPurpose purpose) {
    if (found.isEmpty() || found.get().purpose() != purpose) {
      return LinkStatus.UNKNOWN;
    }
    Found link = found.get();
    if (link.usedAt() != null) {
      return LinkStatus.USED;
    }
    if (link.revokedAt() != null) {
      return LinkStatus.REVOKED;
    }
    return clock.instant().isBefore(link.expiresAt()) ? LinkStatus.VALID : LinkStatus.EXPIRED;
  }

  /** Marks a link used; false when another request used it first (or it expired or was revoked meanwhile). */
  boolean consume(UUID id) {
    Instant now = clock.instant();
    return jdbc.sql("""
        UPDATE staff_link SET used_at = :now
        WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
        .param("now", utc(now)).param("id", id).update() == 1;
  }

  /** Revokes an agent's links not yet used (of one purpose, or of every purpose when null); answers how many. */
  int revokeOpen(UUID agentId, LinkPurpose purpose) {
    return jdbc.sql("UPDATE staff_link SET revoked_at = :now WHERE agent_id = :agent AND used_at IS NULL"
            + " AND revoked_at IS NULL" + (purpose == null ? "" : " AND purpose = :purpose"))
        .params(purpose == null ? Map.of() : Map.of("purpose", purpose.name()))
        .param("now", utc(clock.instant())).param("agent", agentId).update();
  }

  /** When the agent's newest link of this purpose that still works expires; empty when none works. */
  Optional<Instant> openUntil(UUID agentId, LinkPurpose purpose) {
    return jdbc.sql("""
        SELECT MAX(expires_at) AS latest FROM staff_link WHERE agent_id = :agent AND purpose = :purpose AND used_at IS NULL
        AND revoked_at IS NULL AND expires_at > :now""")
        .param("agent", agentId).param("purpose", purpose.name()).param("now", utc(clock.instant()))
        .query((rs, n) -> instant(rs, "latest")).optional().filter(java.util.Objects::nonNull);
  }

  /** How many links of this purpose the agent was sent since then. */
  long issuedSince(UUID agentId, LinkPurpose purpose, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM staff_link WHERE agent_id = :agent AND purpose = :purpose AND created_at >= :since")
        .param("agent", agentId).param("purpose", purpose.name()).param("since", utc(since)).query(Long.class).single();
  }

  void deleteAll(UUID agentId) {
    jdbc.sql("DELETE FROM staff_link WHERE agent_id = :agent").param("agent", agentId).update();
  }

  /**
   * The address of a page of Tact: {@code tact.staff.base-url} plus the path, else http://localhost and this node's
   * port. Never the Host of a request, which the asker chooses.
   */
  String url(String path) {
    String base = properties.baseUrl();
    if (base.isEmpty()) {
      String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
      base = "http://localhost:" + port;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
