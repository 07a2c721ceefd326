package dev.tact.calls;

import dev.tact.policy.Decision;
import java.time.Instant;
import java.util.UUID;

/**
 * A logged call. {@code conversationId} is null while an inbound call's item waits to be filed; {@code
 * conversationNumber} is then 0.
 */
public record LoggedCall(UUID id, CallDirection direction, CallOutcome outcome, String phone, UUID contactId,
    int durationSeconds, String notes, Instant occurredAt, UUID agentId, String agentName, UUID itemId,
    UUID messageId, UUID conversationId, long conversationNumber, UUID decisionId, Decision.Outcome decisionOutcome,
    String decisionSummary, Instant createdAt) {

  /** "4 min 05 s", "45 s", or "—" for none. */
  public String duration() {
    return Calls.duration(durationSeconds);
  }

  public boolean filed() {
    return conversationId != null;
  }
}
