package dev.tact.delivery;

import dev.tact.policy.Purpose;
import java.time.Instant;
import java.util.UUID;

/**
 * One outbound message as agents and admins see it (without its content).
 *
 * @param headerMessageId the Message-ID it is sent with, on every attempt, without angle brackets
 * @param notBefore for DEFERRED: the instant the contact policy allows it from
 * @param nextAttemptAt when a dispatcher may take it next (a retry's time after a failed attempt)
 */
public record OutboxEntry(UUID id, String idempotencyKey, OutboxKind kind, Purpose purpose, String cause,
    UUID conversationId, UUID messageId, UUID contactId, String recipient, String subject, String headerMessageId,
    UUID decisionId, OutboxState state, Instant notBefore, Instant nextAttemptAt, int attempts, String lastError,
    Instant createdAt, Instant updatedAt, Instant sentAt) {

  /** The state in words for the conversation view: "queued", "deferred until …", "sent", "failed: …". */
  public String describe(java.util.function.Function<Instant, String> time) {
    return switch (state) {
      case QUEUED -> attempts > 0 && nextAttemptAt != null
          ? "queued, retrying at " + time.apply(nextAttemptAt) + " (" + attempts + " attempt" + (attempts == 1 ? "" : "s")
              + " so far" + (lastError == null ? "" : ": " + lastError) + ")"
          : "queued";
      case DEFERRED -> "deferred until " + time.apply(notBefore);
      case SENDING -> "sending";
      case SENT -> "sent at " + time.apply(sentAt);
      case FAILED -> "failed: " + lastError;
      case BOUNCED -> "bounced: " + lastError;
      case CANCELLED -> "cancelled" + (lastError == null ? "" : ": " + lastError);
      case DENIED -> "not sent, the contact policy denied it: " + lastError;
    };
  }
}
