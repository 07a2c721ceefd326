package dev.tact.mail;

import dev.tact.mail.forward.InlineForwardParser;
import java.util.Optional;

/**
 * Tells whether a message is a forward of another message written inline in its text ("Fwd:" subjects,
 * "---------- Forwarded message ---------", "Begin forwarded message:", Outlook and Thunderbird header
 * blocks, in several languages) and recovers the original sender, date, subject and body, and the forwarder's
 * comment. A reply quoting an earlier message is not a forward. Stateless and thread-safe; never throws.
 */
public final class ForwardDetector {

  private final InlineForwardParser parser = new InlineForwardParser();

  /** The forwarded message in {@code plainText}, if it is a forward; either argument may be null. */
  public Optional<ForwardedMessage> detect(String subject, String plainText) {
    return parser.parse(subject == null ? "" : subject, plainText == null ? "" : plainText);
  }
}
