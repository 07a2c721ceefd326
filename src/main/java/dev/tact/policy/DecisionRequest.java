package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * The question every outbound contact asks: may we reach this contact on this channel, for
 * this purpose and subject (an offer, a campaign, a case), at this instant?
 */
public record DecisionRequest(UUID contactId, @PolicyChannels.Spelled Channel channel, Purpose purpose,
    String subject, Instant proposedAt) {

  /** The channel as pages show it ("phone call"); null for every channel. */
  public String channelInWords() {
    return channel == null ? null : PolicyChannels.words(channel);
  }
}
