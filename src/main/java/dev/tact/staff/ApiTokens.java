package dev.tact.staff;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens for integrations. The secret is 256 random bits, shown once; the database keeps
 * its SHA-256 (a slow password hash buys nothing for a random secret of that length and would
 * cost every API call). Creating, revoking and changing a token's limit are written to the audit log
 * in the same transaction.
 *
 * <p>A token read for a request is kept for {@link #CACHE_TTL} by its hash, so that a busy integration costs a
 * database read every few seconds instead of one a request. Revoking it or changing its limit here drops it from the
 * cache at once; expiry is checked on every request; a change made on another node (or in the database by hand)
 * takes effect within {@link #CACHE_TTL}. Unknown secrets are not kept (a caller cannot fill the cache). Past half its
 * time one request reads the token again while the others go on with the entry, still fresh: a busy token's entry
 * never runs out under all its requests at once (under a spike every request in flight read it again when it did, and
 * waited for a connection the pipeline was using: notes-single20).
 */
@Service
public class ApiTokens {

  static final String SECRET_PREFIX = "tact_";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog audit;
  private final ApiRateLimit defaultRateLimit;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** How long a token read from the database is trusted without reading it again. */
  static final Duration CACHE_TTL = Duration.ofSeconds(5);
  private static final int CACHE_MAX = 10_000;

  /** A token as read at {@code readAt}; {@code lastUsed} is what "last used" in the database says (or was set to). */
  private record Cached(ApiToken token, Instant readAt, AtomicReference<Instant> lastUsed,
      AtomicBoolean rereading) {

    boolean freshAt(Instant now) {
      return !now.isBefore(readAt) && now.isBefore(readAt.plus(CACHE_TTL));
    }

    /** True for one caller once the entry is past half its time: that caller reads the token again. */
    boolean rereadBy(Instant now) {
      return !now.isBefore(readAt.plus(CACHE_TTL.dividedBy(2))) && rereading.compareAndSet(false, true);
    }
  }

  ApiTokens(JdbcClient jdbc, Clock clock, AuditLog audit, ApiTokenProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
    this.defaultRateLimit = properties.defaultRateLimit();
  }

  /** A token with every scope its role implies, no expiry and the default rate limit. */
  @Transactional
  public IssuedApiToken issue(String name, Role role, UUID createdBy) {
    return issue(new ApiTokenRequest(name, role, null, null, null), createdBy, null);
  }

  /**
   * Creates a token; a bad request (name, scopes that do not fit the role, an expiry in the past, a bad limit) is a
   * 422 and creates nothing.
   *
   * @param createdBy the agent who creates it, if an agent does
   * @param createdByName how to name whoever creates it (an agent or another token), shown with the token
   */
  @Transactional
  public IssuedApiToken issue(ApiTokenRequest request, UUID createdBy, String createdByName) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw ProblemException.invalid("invalid-token-name", "A token needs a name of 1 to 100 characters.");
    }
    Role role = request.role() == null ? Role.AGENT : request.role();
    var scopes = ApiScope.checked(request.scopes() == null ? ApiScope.impliedBy(role) : request.scopes(), role);
    Instant now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw ProblemException.invalid("invalid-expiry", "A token's expiry must lie in the future.");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UUID id = Ids.newId();
    ApiRateLimit limit = request.rateLimit();
    jdbc.sql("""
        INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, scopes, created_by, created_by_name,
          created_at, expires_at, rate_unlimited, rate_per_second, rate_burst)
        VALUES (:id, :name, :prefix, :hash, :role, :scopes, :by, :byName, :now, :expires, :unlimited, :perSecond,
          :burst)""")
        .param("id", id).param("name", name).param("prefix", secret.substring(0, 12))
        .param("hash", hash(secret)).param("role", role.name()).param("scopes", ApiScope.store(scopes))
        .param("by", createdBy).param("byName", clip(createdByName)).param("now", utc(now))
        .param("expires", utc(request.expiresAt())).params(limitParams(limit)).update();
    ApiToken token = find(id).orElseThrow();
    audit.record(AuditRecord.of("token.created", "api-token", id, "Created API token '" + name + "' (" + describe(token)
        + ")").change(null, token));
    return new IssuedApiToken(token, secret);
  }

  /** The token of this secret, unless it is unknown, revoked or expired. */
  public Optional<TokenPrincipal> authenticate(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String hash = hash(secret);
    Cached cached = cache.get(hash);
    if (cached == null || !cached.freshAt(now) || cached.rereadBy(now)) {
      cached = read(hash, now);
      if (cached == null) {
        return Optional.empty();
      }
    }
    ApiToken t = cached.token();
    if (t.expiresAt() != null && !t.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    // "last used" to the minute is enough; writing it on every call would cost each API request a write
    Instant used = cached.lastUsed().get();
    if ((used == null || used.isBefore(now.minusSeconds(60))) && cached.lastUsed().compareAndSet(used, now)) {
      jdbc.sql("UPDATE staff_api_token SET last_used_at = :now WHERE id = :id").param("now", utc(now))
          .param("id", t.id()).update();
    }
    return Optional.of(new TokenPrincipal(t.id(), t.name(), t.role(), t.scopes(), t.effectiveRateLimit()));
  }

  /** The token of this hash as the database has it now, kept in the cache; null (and not kept) if there is none. */
  private Cached read(String hash, Instant now) {
    Cached cached = jdbc.sql("SELECT * FROM staff_api_token WHERE token_hash = :hash AND revoked_at IS NULL")
        .param("hash", hash).query((rs, n) -> StaffRows.token(rs, now, defaultRateLimit)).optional()
        .map(t -> new Cached(t, now, new AtomicReference<>(t.lastUsedAt()),
            new AtomicBoolean()))
        .orElse(null);
    if (cached == null) {
      cache.remove(hash);
      return null;
    }
    if (cache.size() >= CACHE_MAX) {
      cache.clear();
    }
    cache.put(hash, cached);
    return cached;
  }

  /**
   * Drops a token from the cache (it changed here): its next request reads it again. Once more after the commit, so a
   * request that read the row before the change committed does not keep the old one.
   */
  private void forget(UUID id) {
    cache.values().removeIf(c -> c.token().id().equals(id));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          cache.values().removeIf(c -> c.token().id().equals(id));
        }
      });
    }
  }

  public List<ApiToken> list() {
    Instant now = clock.instant();
    return jdbc.sql("SELECT * FROM staff_api_token ORDER BY created_at DESC")
        .query((rs, n) -> StaffRows.token(rs, now, defaultRateLimit)).list();
  }

  public Optional<ApiToken> find(UUID id) {
    Instant now = clock.instant();
    return jdbc.sql("SELECT * FROM staff_api_token WHERE id = :id").param("id", id)
        .query((rs, n) -> StaffRows.token(rs, now, defaultRateLimit)).optional();
  }

  public ApiToken require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("token", id));
  }

  /** The limit of tokens without their own ({@code tact.api.token-rate-limit}). */
  public ApiRateLimit defaultRateLimit() {
    return defaultRateLimit;
  }

  /** Revokes a token at once (revoking it again changes nothing); {@code by} names who did it. */
  @Transactional
  public ApiToken revoke(UUID id, String by) {
    ApiToken before = require(id);
    if (before.revoked()) {
      return before;
    }
    jdbc.sql("UPDATE staff_api_token SET revoked_at = :now, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
        .param("now", utc(clock.instant())).param("by", clip(by)).param("id", id).update();
    forget(id);
    ApiToken after = require(id);
    audit.record(AuditRecord.of("token.revoked", "api-token", id, "Revoked API token '" + after.name() + "'")
        .change(before, after));
    return after;
  }

  /** Gives a token its own rate limit, or (null) the default again; takes effect on its next request. */
  @Transactional
  public ApiToken setRateLimit(UUID id, ApiRateLimit limit) {
    ApiToken before = require(id);
    jdbc.sql("""
        UPDATE staff_api_token SET rate_unlimited = :unlimited, rate_per_second = :perSecond, rate_burst = :burst
        WHERE id = :id""").params(limitParams(limit)).param("id", id).update();
    forget(id);
    ApiToken after = require(id);
    audit.record(AuditRecord.of("token.rate-limit-changed", "api-token", id, "Rate limit of API token '"
        + after.name() + "' set to " + (limit == null ? "the default (" + defaultRateLimit.describe() + ")"
        : limit.describe())).change(before.rateLimit(), after.rateLimit()));
    return after;
  }

  private static Map<String, Object> limitParams(ApiRateLimit limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("unlimited", limit != null && limit.unlimited());
    params.put("perSecond", limit == null || limit.unlimited() ? null : limit.perSecond());
    params.put("burst", limit == null || limit.unlimited() ? null : limit.burst());
    return params;
  }

  private static String describe(ApiToken token) {
    return "role " + token.role().name().toLowerCase(Locale.ROOT) + ", scopes "
        + String.join(" ", token.scopes().stream().map(ApiScope::id).toList())
        + (token.expiresAt() == null ? "" : ", expires " + token.expiresAt())
        + ", rate limit " + (token.rateLimit() == null ? "default" : token.rateLimit().describe());
  }

  private static String clip(String value) {
    return value == null || value.length() <= 320 ? value : value.substring(0, 320);
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
