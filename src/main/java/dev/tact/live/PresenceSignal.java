package dev.tact.live;

import java.util.UUID;

/**
 * Someone's presence on a conversation (topic {@code presence}): {@code key} tells one page (viewing) or one agent's
 * typing (replying) apart; {@code state} is {@code viewing}, {@code replying} or {@code gone}; it lasts {@code
 * forMillis} unless announced again.
 */
record PresenceSignal(UUID conversation, String key, UUID agentId, String name, String state, long forMillis) {

  static final String TOPIC = "presence";
  static final String VIEWING = "viewing";
  static final String REPLYING = "replying";
  static final String GONE = "gone";
}
