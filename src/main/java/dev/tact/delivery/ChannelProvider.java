package dev.tact.delivery;

import dev.tact.shared.Channel;

/**
 * A way out for messages on a channel other than email (an SMS provider, a social adapter, the chat widget). Any
 * module may contribute one as a bean; delivery asks them whether a reply on a channel can be delivered at all, and
 * says why not when none is configured.
 */
public interface ChannelProvider {

  /** The channel this provider carries replies on. */
  Channel channel();

  /** The provider's name as admins see it, e.g. "Twilio". */
  String name();

  /** Whether it can send now (its settings are complete). */
  boolean configured();
}
