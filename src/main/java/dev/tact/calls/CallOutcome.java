package dev.tact.calls;

import dev.tact.shared.ProblemException;
import java.util.Locale;

/**
 * How a call went. {@code reached}: the customer heard from us (answered, or a voicemail left). {@code NOT_PLACED}
 * is for an outbound call the agent did not make (the contact policy refused it, say).
 */
public enum CallOutcome {
  ANSWERED("answered", true),
  VOICEMAIL("voicemail left", true),
  NO_ANSWER("no answer", false),
  BUSY("busy", false),
  FAILED("failed (wrong number, not connected)", false),
  NOT_PLACED("not placed", false);

  private final String label;
  private final boolean reached;

  CallOutcome(String label, boolean reached) {
    this.label = label;
    this.reached = reached;
  }

  public String label() {
    return label;
  }

  public boolean reached() {
    return reached;
  }

  public static CallOutcome parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("invalid-outcome", "Choose how the call went: answered, voicemail, no answer, "
          + "busy, failed or not placed.");
    }
  }
}
