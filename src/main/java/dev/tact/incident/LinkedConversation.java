package dev.tact.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation linked to an incident as a report of it.
 *
 * @param linkedBy who linked it; null when it was matched when it arrived
 * @param unlinkedAt when an agent said it was a wrong match; null while linked
 */
public record LinkedConversation(UUID incidentId, UUID conversationId, UUID contactId, String excerpt,
    String matchReason, Instant linkedAt, String linkedBy, Instant unlinkedAt, String unlinkedBy) {

  public boolean linked() {
    return unlinkedAt == null;
  }
}
