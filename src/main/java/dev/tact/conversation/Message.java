package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One message: {@code body} is plain text as received or written; it is never rendered as HTML.
 * For email, {@code body} is the new text and {@code fullBody} the whole text with quoted history
 * and signature (null when they are the same). {@code externalId} is the channel's id of the
 * message: for email its Message-ID, also for the replies Tact writes, so that answers thread back.
 */
public record Message(UUID id, Direction direction, Channel channel, UUID contactId, UUID authorAgentId,
    String authorName, String body, String fullBody, boolean automatic, String externalId, Instant createdAt) {}
