package dev.tact.policy;

/**
 * How Tact would reach someone, from least to most intrusive: reaching a person on a more
 * intrusive channel than the one they use needs their consent for that channel.
 */
public enum OutboundChannel {
  SOCIAL(0),
  CHAT(0),
  EMAIL(1),
  SMS(2),
  PHONE_CALL(3);

  private final int intrusiveness;

  OutboundChannel(int intrusiveness) {
    this.intrusiveness = intrusiveness;
  }

  public int intrusiveness() {
    return intrusiveness;
  }
}
