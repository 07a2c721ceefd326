package dev.tact.staff;

import java.util.Set;
import java.util.UUID;

/** Who is calling when a request carries a valid API token, with what it may use and how often. */
public record TokenPrincipal(UUID tokenId, String name, Role role, Set<ApiScope> scopes, ApiRateLimit rateLimit) {

  public TokenPrincipal {
    scopes = Set.copyOf(scopes);
  }

  /** A token as it was before scopes: everything its role implies, no rate limit. */
  public TokenPrincipal(UUID tokenId, String name, Role role) {
    this(tokenId, name, role, ApiScope.impliedBy(role), ApiRateLimit.UNLIMITED);
  }

  /** Whether one of its scopes grants this one (write grants read). */
  public boolean can(ApiScope wanted) {
    return scopes.stream().anyMatch(s -> s.grants(wanted));
  }
}
