package dev.tact.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the inbound log with its text payload (for email: how it arrived; the MIME bytes
 * are loaded only by the step that reads them). {@code note} says why a SUPPRESSED item was not filed;
 * {@code submittedBy} names the authenticated integration that posted it (e.g. "API token crm-sync"), or null.
 */
public record InboundItem(UUID id, String channel, String externalId, String contentType, String payload,
    Instant receivedAt, ItemState state, int attempts, String lastError, String note, Instant processedAt,
    UUID messageId, UUID contactId, UUID conversationId, String submittedBy) {

  /** Why it failed, in words, with the recorded error as the technical detail (see {@link FailureReason}). */
  public FailureReason failure() {
    return FailureReason.of(lastError, attempts);
  }
}
