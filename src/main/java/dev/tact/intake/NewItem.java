package dev.tact.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * An item about to be appended to the inbound log; {@code raw} holds binary content such as MIME, or null;
 * {@code submittedBy} the integration that submitted it, or null.
 */
record NewItem(UUID id, String channel, String externalId, String contentType, String payload, byte[] raw,
    Instant receivedAt, UUID messageId, Submitter submittedBy) {

  NewItem(UUID id, String channel, String externalId, String contentType, String payload, byte[] raw,
      Instant receivedAt, UUID messageId) {
    this(id, channel, externalId, contentType, payload, raw, receivedAt, messageId, null);
  }

  /** This item as the copy of an earlier one: the earlier item's message id. */
  NewItem withMessageId(UUID earlier) {
    return new NewItem(id, channel, externalId, contentType, payload, raw, receivedAt, earlier, submittedBy);
  }
}
