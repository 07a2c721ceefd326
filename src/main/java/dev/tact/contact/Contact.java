package dev.tact.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person we talk to. Names are kept exactly as the person wrote them. {@code customerSince}
 * is when we first heard from them: their tenure.
 */
public record Contact(UUID id, String displayName, String givenName, String familyName, String organisation,
    String locale, String timeZone, String country, String subdivision, Instant customerSince,
    List<Identity> identities) {

  /** The best name to address the person by, falling back to an identity. */
  public String name() {
    if (displayName != null && !displayName.isBlank()) {
      return displayName;
    }
    String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
    if (!joined.isEmpty()) {
      return joined;
    }
    return identities.isEmpty() ? "(unknown)" : identities.getFirst().raw();
  }
}
