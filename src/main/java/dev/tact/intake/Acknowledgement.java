package dev.tact.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * What an intake channel answers once the item is committed to the log: the log entry, the id
 * the message has or will have, and whether it repeats an external id already received.
 */
public record Acknowledgement(UUID itemId, UUID messageId, boolean redelivery, Instant receivedAt) {}
