package dev.tact.conversation;

import dev.tact.shared.ProblemException;
import java.util.Locale;

public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority parse(String value) {
    String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    for (Priority priority : values()) {
      if (priority.name().equals(wanted)) {
        return priority;
      }
    }
    throw ProblemException.invalid("unknown-priority", "Unknown priority '" + value + "': use low, normal, high or urgent.");
  }
}
