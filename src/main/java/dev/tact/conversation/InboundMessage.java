package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's message on its way into a conversation. {@code conversationReference} (an id
 * or a public number) and {@code externalThreadId} say which conversation it continues, if any.
 */
public record InboundMessage(UUID messageId, UUID inboundItemId, Channel channel, UUID contactId, String contactName,
    String subject, String text, String externalMessageId, String externalThreadId, String conversationReference,
    Instant receivedAt) {}
