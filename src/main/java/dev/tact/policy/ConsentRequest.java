package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Instant;

/**
 * What to write into a contact's consent ledger. {@code channel} null = every channel, {@code
 * subject} null = every offer. IMPLIED consent needs {@code expiresAt}; EXPRESS consent and
 * OPT_OUT never expire, so they must not have one. {@code givenAt} is when the person gave it
 * (null: now, when it is recorded); it may not be in the future nor before 1990.
 */
public record ConsentRequest(ConsentEntry.Kind kind, @PolicyChannels.Spelled Channel channel, Purpose purpose,
    String subject, String source, String evidence, Instant expiresAt, Instant givenAt) {

  /** A line given now. */
  public ConsentRequest(ConsentEntry.Kind kind, Channel channel, Purpose purpose, String subject,
      String source, String evidence, Instant expiresAt) {
    this(kind, channel, purpose, subject, source, evidence, expiresAt, null);
  }

  /** An opt-out from marketing on one channel (or all when null), for every offer. */
  public static ConsentRequest optOut(Channel channel, String source, String evidence) {
    return new ConsentRequest(ConsentEntry.Kind.OPT_OUT, channel, Purpose.MARKETING, null, source, evidence, null);
  }
}
