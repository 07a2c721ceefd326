package dev.tact.conversation;

import dev.tact.shared.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a message came from or goes to. */
public enum Channel {
  EMAIL,
  WEB,
  CHAT,
  PHONE,
  SMS,
  SOCIAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
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
