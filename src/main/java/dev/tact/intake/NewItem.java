package dev.tact.intake;

import java.time.Instant;
import java.util.UUID;

/** An item about to be appended to the inbound log. */
record NewItem(UUID id, String channel, String externalId, String contentType, String payload, Instant receivedAt,
    UUID messageId) {}
