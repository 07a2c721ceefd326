package dev.tact.conversation;

import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The actor a change to a conversation is recorded under, from whoever is signed in (agent or API token). */
@Component
public class Actors {

  private final StaffPrincipals principals;

  Actors(StaffPrincipals principals) {
    this.principals = principals;
  }

  public Actor of(Authentication authentication) {
    return StaffPrincipals.token(authentication)
        .map(token -> new Actor(Actor.Kind.AGENT, null, "integration " + token.name()))
        .orElseGet(() -> {
          Agent agent = principals.requireAgent(authentication);
          return Actor.agent(agent.id(), agent.displayName());
        });
  }
}
