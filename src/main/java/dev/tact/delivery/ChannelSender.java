package dev.tact.delivery;

/**
 * A way out that sends by itself (an SMS provider's REST API, say): the dispatcher hands it the PROVIDER rows of
 * its channel, one attempt per call, and records what it answers with the outbox's leases, retries and back-off
 * (those of webhooks, {@code tact.delivery.webhook.*}). An implementation must be thread-safe and must not send a
 * row twice: on an attempt after the first ({@link ChannelMessage#attempt()} &gt; 1) the earlier one may have
 * reached the provider before its answer was lost, so it asks the provider first when it can.
 */
public interface ChannelSender extends ChannelProvider {

  /** One attempt to send {@code message}. */
  SendAttempt send(ChannelMessage message);
}
