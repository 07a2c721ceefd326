package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One inbound message of a {@link MessagesFiled} batch: where it was filed and whether it opened its conversation. It
 * carries no text (a batch must fit the event publication log's column); a listener that needs it reads it back.
 *
 * @param number the conversation's public number
 * @param opened whether this message opened the conversation (then {@link #opening()} is its
 *     {@link ConversationOpened})
 * @param automatic machine-sent mail (auto-replies, bounces, lists), as in {@link MessageAdded}
 */
public record FiledMessage(UUID conversationId, long number, UUID messageId, UUID contactId, Channel channel,
    Instant at, boolean opened, boolean automatic) {

  /** Written by a known customer, not sent automatically: as {@link MessageAdded#fromCustomer()}. */
  public boolean fromCustomer() {
    return !automatic && contactId != null;
  }

  /** The opening of its conversation, as it was published on its own but without its team and priority. */
  public ConversationOpened opening() {
    if (!opened) {
      throw new IllegalStateException("Message " + messageId + " did not open its conversation");
    }
    return new ConversationOpened(conversationId, number, contactId, channel, at);
  }
}
