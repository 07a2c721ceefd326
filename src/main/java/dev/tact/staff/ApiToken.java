package dev.tact.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An integration's token as admins see it: never the secret, only its first characters.
 *
 * @param scopes what it may be used for; its {@code role} decides the lead- and admin-only actions within them
 * @param rateLimit its own limit, or null when {@code tact.api.token-rate-limit} applies ({@code effectiveRateLimit})
 * @param createdBy who created it, as they were named then (null for tokens made before this was kept)
 * @param revokedBy who revoked it
 */
public record ApiToken(UUID id, String name, String prefix, Role role, Set<ApiScope> scopes, State state,
    Instant createdAt, String createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy,
    ApiRateLimit rateLimit, ApiRateLimit effectiveRateLimit) {

  public enum State { ACTIVE, EXPIRED, REVOKED }

  public boolean revoked() {
    return state == State.REVOKED;
  }

  public boolean expired() {
    return state == State.EXPIRED;
  }
}
