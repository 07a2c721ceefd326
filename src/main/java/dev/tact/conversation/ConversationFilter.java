package dev.tact.conversation;

import java.util.Set;
import java.util.UUID;

/**
 * Which conversations an inbox shows. Empty statuses means every status; {@code unassigned}
 * wins over {@code assigneeId}.
 */
public record ConversationFilter(Set<Status> statuses, UUID teamId, UUID assigneeId, boolean unassigned, String tag,
    UUID contactId) {

  public static ConversationFilter all() {
    return new ConversationFilter(Set.of(), null, null, false, null, null);
  }

  public ConversationFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
