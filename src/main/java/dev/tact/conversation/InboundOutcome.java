package dev.tact.conversation;

import java.util.UUID;

/**
 * Where an inbound message landed. {@code redelivery} means a message with the same external
 * id was already stored: {@code messageId} is then that earlier message.
 */
public record InboundOutcome(UUID conversationId, long number, UUID messageId, boolean openedConversation,
    boolean redelivery) {}
