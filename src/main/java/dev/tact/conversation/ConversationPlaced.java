package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation was given a team or an agent (by a person, by Tact's routing, or through the API). Published
 * inside the transaction of the change: listen with a plain {@code @EventListener}, so that what follows from it
 * (leaving triage) is committed with it and seen on the very next page.
 *
 * @param teamId the team it was given, null when only the agent changed
 * @param assigneeId the agent it was given, null when only the team changed
 */
public record ConversationPlaced(UUID conversationId, UUID teamId, UUID assigneeId, Actor actor, Instant at) {

  /** Assigned to an agent by someone else (an agent choosing themselves needs no telling). */
  public boolean assignedByAnother() {
    return assigneeId != null && !assigneeId.equals(actor.id());
  }
}
