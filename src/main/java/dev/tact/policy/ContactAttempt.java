package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Instant;

/** One outbound contact made or scheduled, whatever sent it: the contact-history ledger's line. */
public record ContactAttempt(@PolicyChannels.Spelled Channel channel, Purpose purpose, String subject, Instant at) {

  /** The channel as pages show it ("phone call"); null for every channel. */
  public String channelInWords() {
    return channel == null ? null : PolicyChannels.words(channel);
  }
}
