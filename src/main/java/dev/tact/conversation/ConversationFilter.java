package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.util.Set;
import java.util.UUID;

/**
 * Which conversations an inbox shows. Empty statuses means every status; {@code unassigned}
 * wins over {@code assigneeId}; {@code onlyIds} null means any conversation, else only those (another
 * module's selection, such as the SLA state); {@code channel} and {@code priority} null mean any.
 */
public record ConversationFilter(Set<Status> statuses, UUID teamId, UUID assigneeId, boolean unassigned, String tag,
    UUID contactId, Set<UUID> onlyIds, Channel channel, Priority priority) {

  public static ConversationFilter all() {
    return new ConversationFilter(Set.of(), null, null, false, null, null);
  }

  public ConversationFilter(Set<Status> statuses, UUID teamId, UUID assigneeId, boolean unassigned, String tag,
      UUID contactId) {
    this(statuses, teamId, assigneeId, unassigned, tag, contactId, null);
  }

  public ConversationFilter(Set<Status> statuses, UUID teamId, UUID assigneeId, boolean unassigned, String tag,
      UUID contactId, Set<UUID> onlyIds) {
    this(statuses, teamId, assigneeId, unassigned, tag, contactId, onlyIds, null, null);
  }

  public ConversationFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
  }
}
