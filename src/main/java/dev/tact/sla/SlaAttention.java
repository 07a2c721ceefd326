package dev.tact.sla;

import dev.tact.shared.ProblemException;
import java.util.Locale;

/**
 * The two states the SLA queue lists: an active clock whose target breached, or one falling due within
 * {@code tact.sla.due-soon-minutes} and not breached yet. Written {@code breached} and {@code due-soon}
 * ({@code at-risk} is read as due-soon).
 */
public enum SlaAttention {
  BREACHED("breached"), DUE_SOON("due-soon");

  private final String id;

  SlaAttention(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Null or blank: no SLA filter. Anything else unknown is a 400 problem. */
  public static SlaAttention parseFilter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "breached" -> BREACHED;
      case "due-soon", "at-risk" -> DUE_SOON;
      default -> throw new ProblemException(400, "unknown-sla-filter", "Invalid filter",
          "Unknown SLA state '" + value + "': use breached or due-soon.");
    };
  }
}
