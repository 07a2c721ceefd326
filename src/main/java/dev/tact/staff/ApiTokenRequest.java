package dev.tact.staff;

import java.time.Instant;
import java.util.Set;

/**
 * A token to create.
 *
 * @param scopes null: everything the role implies
 * @param expiresAt null: never; else a future instant, after which the token is refused
 * @param rateLimit null: {@code tact.api.token-rate-limit}
 */
public record ApiTokenRequest(String name, Role role, Set<ApiScope> scopes, Instant expiresAt,
    ApiRateLimit rateLimit) {}
