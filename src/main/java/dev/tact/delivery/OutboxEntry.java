package dev.tact.delivery;

import dev.tact.policy.PolicyChannels;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One outbound message as agents and admins see it (without its content).
 *
 * @param channel EMAIL, or the SMS or social channel a WEBHOOK row goes to (PHONE_CALL in JSON: the policy's word)
 * @param headerMessageId the Message-ID it is sent with, on every attempt, without angle brackets
 * @param notBefore for DEFERRED: the instant the contact policy allows it from
 * @param nextAttemptAt when a dispatcher may take it next (a retry's time after a failed attempt)
 * @param notSendingBecause for an email queued or deferred while no SMTP relay is configured: that it stays
 *     unsent until one is, in words; null otherwise
 */
public record OutboxEntry(UUID id, String idempotencyKey, OutboxKind kind, @PolicyChannels.Spelled Channel channel,
    Purpose purpose, String cause,
    UUID conversationId, UUID messageId, UUID contactId, String recipient, String subject, String headerMessageId,
    UUID decisionId, OutboxState state, Instant notBefore, Instant nextAttemptAt, int attempts, String lastError,
    Instant createdAt, Instant updatedAt, Instant sentAt, String notSendingBecause) {

  /** Why an email waits while no relay is configured (the outbox pages and the API say it). */
  public static final String NO_RELAY = "No SMTP relay is configured: it stays queued, and is sent once an admin "
      + "sets one up (Admin → Sending mail).";

  /** Whether it is an email waiting to be sent (queued or deferred), which needs a relay. */
  public boolean waitingEmail() {
    return kind == OutboxKind.EMAIL && (state == OutboxState.QUEUED || state == OutboxState.DEFERRED);
  }

  OutboxEntry notSendingBecause(String reason) {
    return new OutboxEntry(id, idempotencyKey, kind, channel, purpose, cause, conversationId, messageId, contactId,
        recipient, subject, headerMessageId, decisionId, state, notBefore, nextAttemptAt, attempts, lastError,
        createdAt, updatedAt, sentAt, reason);
  }
}
