package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Instant;

/**
 * One line of a contact's consent ledger. {@code channel} null means every channel; {@code
 * subject} null means every offer (an opt-out for one offer names it). OPT_OUT lines never
 * expire; IMPLIED consent expires ({@code expiresAt}); EXPRESS consent lasts until withdrawn.
 *
 * @param source where it came from: "web form", "agent note", "inbound message", "one-click unsubscribe"…
 * @param evidence what proves it: a message id, the text said, a form submission id
 * @param recordedAt when it was written into Tact
 * @param givenAt when the person gave it (an opt-out said on the phone last week, a form signed in 2019); the
 *     time it was recorded when not told otherwise
 */
public record ConsentEntry(Kind kind, @PolicyChannels.Spelled Channel channel, Purpose purpose, String subject,
    String source, String evidence, Instant recordedAt, Instant expiresAt, Instant givenAt) {

  public ConsentEntry {
    givenAt = givenAt == null ? recordedAt : givenAt;
  }

  /** A line given when it was recorded. */
  public ConsentEntry(Kind kind, Channel channel, Purpose purpose, String subject, String source,
      String evidence, Instant recordedAt, Instant expiresAt) {
    this(kind, channel, purpose, subject, source, evidence, recordedAt, expiresAt, null);
  }

  public enum Kind {
    EXPRESS,
    IMPLIED,
    OPT_OUT
  }

  /** The channel as pages show it ("phone call"); null for every channel. */
  public String channelInWords() {
    return channel == null ? null : PolicyChannels.words(channel);
  }
}
