package dev.tact.intake;

import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.TokenPrincipal;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * The authenticated integration that submitted an item: its API token (which may then read the item's status)
 * and how the conversation's history names it (e.g. "API token crm-sync"). Null for mail that arrived by itself.
 */
public record Submitter(UUID tokenId, String name) {

  public Submitter {
    name = name == null || name.length() <= 300 ? name : name.substring(0, 300);
  }

  /** The API token calling ("API token <name>"), or the signed-in agent ("agent <email>"); null for neither. */
  public static Submitter of(Authentication authentication, StaffPrincipals principals) {
    return StaffPrincipals.token(authentication).map(Submitter::of)
        .orElseGet(() -> principals.agent(authentication).map(a -> new Submitter(null, "agent " + a.email()))
            .orElse(null));
  }

  /** The API token calling ("API token <name>"). */
  public static Submitter of(TokenPrincipal token) {
    return new Submitter(token.tokenId(), "API token " + token.name());
  }
}
