package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * An inbound message whose wording may be an opt-out but is not clear enough to record on its
 * own ("stop it"): an agent confirms it (an opt-out is recorded) or dismisses it.
 *
 * @param channel the channel the opt-out would name when confirmed; null = every channel
 * @param phrase the words that raised the flag
 */
public record OptOutReview(UUID id, UUID messageId, UUID conversationId, UUID contactId,
    @PolicyChannels.Spelled Channel channel, String excerpt, String phrase, Status status, Instant createdAt,
    String resolvedBy, Instant resolvedAt) {

  public enum Status {
    OPEN,
    CONFIRMED,
    DISMISSED
  }

  /** The channel as pages show it ("phone call"); null for every channel. */
  public String channelInWords() {
    return channel == null ? null : PolicyChannels.words(channel);
  }
}
