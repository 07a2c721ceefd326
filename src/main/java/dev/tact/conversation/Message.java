package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/** One message: {@code body} is plain text as received or written; it is never rendered as HTML. */
public record Message(UUID id, Direction direction, Channel channel, UUID contactId, UUID authorAgentId,
    String authorName, String body, String externalId, Instant createdAt) {}
