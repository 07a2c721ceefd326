package dev.tact.staff;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for any module's pages and endpoints: an agent's session or an integration's API token.
 * It lives in staff (not in web) so that a feature's own controllers can ask without depending on web.
 */
@Component
public class StaffPrincipals {

  private final StaffDirectory staff;

  StaffPrincipals(StaffDirectory staff) {
    this.staff = staff;
  }

  /** The signed-in agent; empty for an API token or when nobody is signed in. */
  public Optional<Agent> agent(Authentication authentication) {
    if (authentication == null || authentication.getPrincipal() instanceof TokenPrincipal) {
      return Optional.empty();
    }
    return staff.findAgentByEmail(authentication.getName());
  }

  /** The signed-in agent, who must be there (the page is for agents only). */
  public Agent requireAgent(Authentication authentication) {
    return agent(authentication).orElseThrow(() -> new IllegalStateException("no agent is logged in"));
  }

  /** The API token's id when a token is calling, else null. */
  public static UUID tokenId(Authentication authentication) {
    return authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token
        ? token.tokenId() : null;
  }

  /** The API token calling, if one is. */
  public static Optional<TokenPrincipal> token(Authentication authentication) {
    return authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token
        ? Optional.of(token) : Optional.empty();
  }

  /** Whether the caller (agent or API token) has the lead role or a higher one. */
  public static boolean isLead(Authentication authentication) {
    return authentication != null && authentication.getAuthorities().stream()
        .anyMatch(a -> Role.LEAD.authority().equals(a.getAuthority()));
  }

  /** The name an action is recorded under: the agent's display name, or "integration <token name>". */
  public String name(Authentication authentication) {
    return token(authentication).map(token -> "integration " + token.name())
        .orElseGet(() -> requireAgent(authentication).displayName());
  }

  /**
   * The name recorded as "done by" in audit-like records such as contact merges: "Ana Agent <ana@example.com>", or
   * "integration <token name>". A signed-in user without an agent record (an account removed while its session
   * lives on) is recorded by the name they signed in with rather than refused: the record still says who.
   */
  public String who(Authentication authentication) {
    Optional<TokenPrincipal> token = token(authentication);
    if (token.isPresent()) {
      return "integration " + token.get().name();
    }
    if (authentication == null) {
      return "unknown";
    }
    return agent(authentication).map(a -> a.displayName() + " <" + a.email() + ">").orElse(authentication.getName());
  }
}
