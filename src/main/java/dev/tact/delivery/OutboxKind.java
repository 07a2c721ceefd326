package dev.tact.delivery;

/**
 * How a row is sent: by SMTP; as a signed webhook POST to an SMS or social adapter; or by the channel's own
 * {@link ChannelSender} (a provider's API, e.g. Twilio's), the row's {@code sender} naming the channel.
 */
public enum OutboxKind {
  EMAIL,
  WEBHOOK,
  PROVIDER
}
