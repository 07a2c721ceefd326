package dev.tact.staff;

import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for integrations. The secret is 256 random bits, shown once; the database keeps
 * its SHA-256 (a slow password hash buys nothing for a random secret of that length and would
 * cost every API call).
 */
@Service
public class ApiTokens {

  static final String SECRET_PREFIX = "tact_";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public IssuedApiToken issue(String name, Role role, UUID createdBy) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw ProblemException.invalid("invalid-token-name", "A token needs a name of 1 to 100 characters.");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, created_by, created_at)
        VALUES (:id, :name, :prefix, :hash, :role, :by, :now)""")
        .param("id", id).param("name", trimmed).param("prefix", secret.substring(0, 12))
        .param("hash", hash(secret)).param("role", role.name()).param("by", createdBy)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    return new IssuedApiToken(find(id).orElseThrow(), secret);
  }

  public Optional<TokenPrincipal> authenticate(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      return Optional.empty();
    }
    Optional<ApiToken> token = jdbc.sql("SELECT * FROM staff_api_token WHERE token_hash = :hash AND revoked_at IS NULL")
        .param("hash", hash(secret)).query(StaffRows::token).optional();
    // "last used" to the minute is enough; writing it on every call would cost each API request a write
    token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(clock.instant().minusSeconds(60)))
        .ifPresent(t -> jdbc.sql("UPDATE staff_api_token SET last_used_at = :now WHERE id = :id")
            .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", t.id()).update());
    return token.map(t -> new TokenPrincipal(t.id(), t.name(), t.role()));
  }

  public List<ApiToken> list() {
    return jdbc.sql("SELECT * FROM staff_api_token ORDER BY created_at DESC").query(StaffRows::token).list();
  }

  public Optional<ApiToken> find(UUID id) {
    return jdbc.sql("SELECT * FROM staff_api_token WHERE id = :id").param("id", id).query(StaffRows::token).optional();
  }

  @Transactional
  public ApiToken revoke(UUID id) {
    ApiToken token = find(id).orElseThrow(() -> ProblemException.notFound("token", id));
    if (!token.revoked()) {
      jdbc.sql("UPDATE staff_api_token SET revoked_at = :now WHERE id = :id")
          .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
    }
    return find(id).orElseThrow();
  }

  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
