package dev.tact.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person we talk to. Names are kept exactly as the person wrote them. {@code customerSince}
 * is their tenure: the date the company gives (an imported seven-year customer), else when we first heard from
 * them. {@code tier} is the customer tier (such as {@code vip}) that routing and service targets may depend on;
 * {@code null} means the standard one. {@code plan} is their plan or value in the company's words ("Business,
 * 4,800 USD a year"), shown beside every conversation; null when none was given.
 */
public record Contact(UUID id, String displayName, String givenName, String familyName, String organisation,
    String locale, String timeZone, String country, String subdivision, String tier, Instant customerSince,
    String plan, List<Identity> identities) {

  /** The tier a contact has when none was set. */
  public static final String STANDARD_TIER = "standard";

  /** The customer tier, {@value #STANDARD_TIER} when none was set. */
  public String tierOrStandard() {
    return tier == null ? STANDARD_TIER : tier;
  }

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
