package dev.tact.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row as a {@link ChannelSender} sends it.
 *
 * @param outboxId the row's id
 * @param key the row's idempotency key (the same on every attempt)
 * @param recipient who to, as the channel spells it (E.164 for SMS)
 * @param text the message text
 * @param attempt this attempt's number, 1 for the first
 * @param queuedAt when the row was queued: an earlier attempt cannot have reached the provider before
 */
public record ChannelMessage(UUID outboxId, String key, String recipient, String text, int attempt,
    Instant queuedAt) {}
