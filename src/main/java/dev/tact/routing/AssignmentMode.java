package dev.tact.routing;

import dev.tact.shared.ProblemException;
import java.util.Locale;

/** How a team hands a new conversation to one of its agents. */
public enum AssignmentMode {
  /** The available agent with the fewest open conversations (under their capacity). */
  LEAST_LOADED("least loaded"),
  /** The next available agent after the one who had the last turn. */
  ROUND_ROBIN("round robin"),
  /** Nobody: the conversation waits in the team's queue until an agent takes it. */
  NONE("nobody (team queue)");

  private final String label;

  AssignmentMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The form used in settings and the API: {@code least-loaded}, {@code round-robin}, {@code none}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads {@code least-loaded}, {@code round_robin}, {@code NONE} and the like. */
  public static AssignmentMode parse(String value) {
    String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (AssignmentMode mode : values()) {
      if (mode.name().equals(wanted)) {
        return mode;
      }
    }
    throw ProblemException.invalid("invalid-assignment",
        "Unknown assignment '" + value + "': use least-loaded, round-robin or none (or default).");
  }
}
