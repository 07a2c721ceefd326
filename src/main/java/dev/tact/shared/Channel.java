package dev.tact.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a message came from or goes to: the one channel vocabulary of every module. {@link #id()} is the word the
 * API, templates and settings use ({@code phone}); {@link #name()} is what the tables store. The contact policy
 * keeps its own older spelling of {@link #PHONE} ({@code PHONE_CALL}) in its tables and API; see
 * {@code policy.PolicyChannels}.
 *
 * <p>{@link #intrusiveness()} ranks reaching someone on the channel, least intrusive first: reaching a person on a
 * more intrusive channel than the one they use needs their consent for it. A web form ranks like chat (the
 * person has to come to us to read anything there); its replies go by email, which is what the policy is asked.
 */
public enum Channel {
  EMAIL(1),
  WEB(0),
  CHAT(0),
  PHONE(3),
  SMS(2),
  SOCIAL(0);

  private final int intrusiveness;

  Channel(int intrusiveness) {
    this.intrusiveness = intrusiveness;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int intrusiveness() {
    return intrusiveness;
  }

  public static Channel parse(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-channel", "A channel is required: one of " + allIds() + ".");
    }
    for (Channel channel : values()) {
      if (channel.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return channel;
      }
    }
    throw ProblemException.invalid("unknown-channel", "Unknown channel '" + value + "': use one of " + allIds() + ".");
  }

  private static String allIds() {
    return Arrays.stream(values()).map(Channel::id).collect(Collectors.joining(", "));
  }
}
