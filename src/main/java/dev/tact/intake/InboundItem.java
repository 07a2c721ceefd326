package dev.tact.intake;

import java.time.Instant;
import java.util.UUID;

/** One entry of the inbound log, raw payload included. */
public record InboundItem(UUID id, String channel, String externalId, String contentType, String payload,
    Instant receivedAt, ItemState state, int attempts, String lastError, Instant processedAt, UUID messageId,
    UUID contactId, UUID conversationId) {}
