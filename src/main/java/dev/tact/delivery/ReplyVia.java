package dev.tact.delivery;

import dev.tact.shared.Channel;

/**
 * Where an agent wants a reply to go: {@code to}, one of the contact's identities (an email address, a phone number in
 * E.164, a {@code network:handle}), and/or {@code channel}. Both null: the conversation's own way (see
 * {@link ReplyDelivery#route}).
 */
public record ReplyVia(Channel channel, String to) {

  public static final ReplyVia DEFAULT = new ReplyVia(null, null);

  public ReplyVia {
    to = to == null || to.isBlank() ? null : to.strip();
  }

  /** Whether the agent chose a way (rather than the conversation's own). */
  public boolean chosen() {
    return channel != null || to != null;
  }
}
