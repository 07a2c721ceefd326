package dev.tact.staff;

import java.time.Instant;
import java.util.UUID;

/** An integration's token as admins see it: never the secret, only its first characters. */
public record ApiToken(UUID id, String name, String prefix, Role role, Instant createdAt, Instant lastUsedAt,
    Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
