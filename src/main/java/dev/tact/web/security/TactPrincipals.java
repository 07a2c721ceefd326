package dev.tact.web.security;

import dev.tact.conversation.Actor;
import dev.tact.intake.Submitter;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.TokenPrincipal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns whoever is logged in (an agent's session or an integration's token) into an actor. */
@Component
public class TactPrincipals {

  private final StaffDirectory staff;

  TactPrincipals(StaffDirectory staff) {
    this.staff = staff;
  }

  public Optional<Agent> agent(Authentication authentication) {
    if (authentication == null || authentication.getPrincipal() instanceof TokenPrincipal) {
      return Optional.empty();
    }
    return staff.findAgentByEmail(authentication.getName());
  }

  /** The API token's id when a token is calling, else null. */
  public static java.util.UUID tokenId(Authentication authentication) {
    return authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token
        ? token.tokenId() : null;
  }

  /** Whether the caller (agent or API token) has the lead role or a higher one. */
  public static boolean isLead(Authentication authentication) {
    return authentication != null && authentication.getAuthorities().stream()
        .anyMatch(a -> Role.LEAD.authority().equals(a.getAuthority()));
  }

  public Actor actor(Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token) {
      return new Actor(Actor.Kind.AGENT, null, "integration " + token.name());
    }
    Agent agent = agent(authentication).orElseThrow(() -> new IllegalStateException("no agent is logged in"));
    return Actor.agent(agent.id(), agent.displayName());
  }

  /** Who posts something on an integration's authority: the API token (id and "API token <name>"), or the agent. */
  public Submitter submitter(Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token) {
      return new Submitter(token.tokenId(), "API token " + token.name());
    }
    return agent(authentication).map(a -> new Submitter(null, "agent " + a.email())).orElse(null);
  }

  /** The name recorded as "done by" in audit-like records such as contact merges. */
  public String who(Authentication authentication) {
    return actor(authentication).name() + agent(authentication).map(a -> " <" + a.email() + ">").orElse("");
  }
}
