package dev.tact.intake.web;

import dev.tact.intake.Acknowledgement;
import java.time.Instant;
import java.util.UUID;

/** The answer to an accepted message or mail post (202), whichever way it came ({@link SingleMessageLane} or the API). */
record AcceptedMessage(UUID itemId, UUID messageId, boolean redelivery, Instant receivedAt, String statusUrl) {

  static AcceptedMessage of(Acknowledgement ack) {
    return new AcceptedMessage(ack.itemId(), ack.messageId(), ack.redelivery(), ack.receivedAt(),
        statusUrl(ack.itemId()));
  }

  /** Where the item's state can be followed, for a single post and for a batch's results alike. */
  static String statusUrl(UUID itemId) {
    return "/api/v1/messages/" + itemId;
  }
}
