package dev.tact.delivery;

import dev.tact.policy.OutboundChannel;
import dev.tact.policy.Purpose;
import java.time.Instant;
import java.util.UUID;

/**
 * One outbound message as agents and admins see it (without its content).
 *
 * @param channel EMAIL, or the SMS or social channel a WEBHOOK row goes to
 * @param headerMessageId the Message-ID it is sent with, on every attempt, without angle brackets
 * @param notBefore for DEFERRED: the instant the contact policy allows it from
 * @param nextAttemptAt when a dispatcher may take it next (a retry's time after a failed attempt)
 */
public record OutboxEntry(UUID id, String idempotencyKey, OutboxKind kind, OutboundChannel channel, Purpose purpose,
    String cause,
    UUID conversationId, UUID messageId, UUID contactId, String recipient, String subject, String headerMessageId,
    UUID decisionId, OutboxState state, Instant notBefore, Instant nextAttemptAt, int attempts, String lastError,
    Instant createdAt, Instant updatedAt, Instant sentAt) {
}
