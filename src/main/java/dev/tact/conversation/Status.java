package dev.tact.conversation;

import dev.tact.shared.ProblemException;
import java.util.Locale;

/** Where a conversation stands. CLOSED is final: a later message opens a new conversation. */
public enum Status {
  NEW("New"),
  OPEN("Open"),
  PENDING("Pending customer"),
  ON_HOLD("On hold"),
  SOLVED("Solved"),
  CLOSED("Closed");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status parse(String value) {
    String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Status status : values()) {
      if (status.name().equals(wanted)) {
        return status;
      }
    }
    throw ProblemException.invalid("unknown-status",
        "Unknown status '" + value + "': use new, open, pending, on_hold, solved or closed.");
  }
}
