package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * Any recorded change of a conversation (a message, a note, an assignment, a tag…), published in the transaction
 * that made it, with the version it made. Live pages listen to it; the specific events (MessageAdded, StatusChanged,
 * ...) remain the ones to act on.
 */
public record ConversationChanged(UUID conversationId, long number, long version, String kind, UUID actorId,
    String actorName, Instant at) {}
