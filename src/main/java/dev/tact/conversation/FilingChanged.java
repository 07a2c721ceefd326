package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a conversation is filed under changed: its team, assignee, channel or tags (an assignment, an unassignment,
 * a channel switch, a tag added or removed, tags a merge brought). Carries all of them as they are after the change,
 * so that a module keeping a copy to filter its own rows by (the incidents panel) needs nothing else. Published
 * inside the transaction of the change: listen with a plain {@code @EventListener} to keep the copy exact.
 *
 * @param assigneeId null when the conversation is unassigned
 */
public record FilingChanged(UUID conversationId, UUID teamId, UUID assigneeId, Channel channel, List<String> tags,
    Instant at) {

  public FilingChanged {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  static FilingChanged of(ConversationSummary now, Instant at) {
    return new FilingChanged(now.id(), now.teamId(), now.assigneeId(), now.channel(), now.tags(), at);
  }
}
