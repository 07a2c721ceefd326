package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message was stored in a conversation: inbound, an agent's reply, or an internal note.
 * {@code automatic} marks machine-sent mail (auto-replies, bounces, lists): nothing may answer it
 * automatically. {@code unauthenticated} marks an inbound message whose sender could not be verified
 * (email failing SPF, DKIM and DMARC): nothing in it may act with the sender's authority on its own.
 */
public record MessageAdded(UUID conversationId, UUID messageId, Direction direction, Channel channel, UUID contactId,
    boolean automatic, Instant at, boolean unauthenticated) {

  public MessageAdded(UUID conversationId, UUID messageId, Direction direction, Channel channel, UUID contactId,
      boolean automatic, Instant at) {
    this(conversationId, messageId, direction, channel, contactId, automatic, at, false);
  }
}
