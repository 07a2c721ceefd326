package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message was stored in a conversation: inbound, an agent's reply, or an internal note.
 * {@code automatic} marks machine-sent mail (auto-replies, bounces, lists): nothing may answer it
 * automatically.
 */
public record MessageAdded(UUID conversationId, UUID messageId, Direction direction, Channel channel, UUID contactId,
    boolean automatic, Instant at) {}
