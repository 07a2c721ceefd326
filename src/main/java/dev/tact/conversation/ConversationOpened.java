package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation was opened.
 *
 * @param teamId the team it was opened for (null: none), as it was when this was published
 * @param priority its priority then; null when the publisher did not tell (the shorter constructor, and a
 *     {@link FiledMessage#opening()}): a listener that needs the team or priority then reads the conversation
 */
public record ConversationOpened(UUID conversationId, long number, UUID contactId, Channel channel, Instant openedAt,
    UUID teamId, Priority priority) {

  /** Without the team and priority (see {@link #priority()}). */
  public ConversationOpened(UUID conversationId, long number, UUID contactId, Channel channel, Instant openedAt) {
    this(conversationId, number, contactId, channel, openedAt, null, null);
  }

  /** Whether the team and priority it was opened with are told. */
  public boolean tellsTeamAndPriority() {
    return priority != null;
  }
}
