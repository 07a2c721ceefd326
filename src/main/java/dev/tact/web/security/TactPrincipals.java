package dev.tact.web.security;

import dev.tact.conversation.Actor;
import dev.tact.conversation.Actors;
import dev.tact.intake.Submitter;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns whoever is logged in (an agent's session or an integration's token) into an actor, for the API. A
 * feature's own pages use {@link StaffPrincipals} and {@link Actors} directly; this adds the intake submitter.
 */
@Component
public class TactPrincipals {

  private final StaffPrincipals principals;
  private final Actors actors;

  TactPrincipals(StaffPrincipals principals, Actors actors) {
    this.principals = principals;
    this.actors = actors;
  }

  public Optional<Agent> agent(Authentication authentication) {
    return principals.agent(authentication);
  }

  /** The API token's id when a token is calling, else null. */
  public static java.util.UUID tokenId(Authentication authentication) {
    return StaffPrincipals.tokenId(authentication);
  }

  /** Whether the caller (agent or API token) has the lead role or a higher one. */
  public static boolean isLead(Authentication authentication) {
    return StaffPrincipals.isLead(authentication);
  }

  public Actor actor(Authentication authentication) {
    return actors.of(authentication);
  }

  /** Who posts something on an integration's authority: the API token (id and "API token <name>"), or the agent. */
  public Submitter submitter(Authentication authentication) {
    return Submitter.of(authentication, principals);
  }

  /** The name recorded as "done by" in audit-like records such as contact merges. */
  public String who(Authentication authentication) {
    return principals.who(authentication);
  }
}
