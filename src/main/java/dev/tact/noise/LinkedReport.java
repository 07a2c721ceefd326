package dev.tact.noise;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One report of a conversation's message: the one that opened it ({@code ORIGINAL}), or a copy
 * that joined it ({@code DUPLICATE}). A split report names the conversation it was split into.
 *
 * @param reporter who sent it to us: the sender, or the staff member who forwarded it
 * @param comment the forwarder's comment, or null
 * @param inboundItemId the intake item with the raw message
 */
public record LinkedReport(UUID id, UUID conversationId, Kind kind, Channel channel, String reporter, boolean forwarded,
    String comment, UUID contactId, String contactName, String subject, String text, double similarity,
    UUID inboundItemId, UUID messageId, String externalId, Instant receivedAt, Instant splitAt, String splitBy,
    UUID splitToConversationId) {

  public enum Kind {
    ORIGINAL,
    DUPLICATE
  }

  public boolean split() {
    return splitAt != null;
  }
}
