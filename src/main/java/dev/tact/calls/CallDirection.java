package dev.tact.calls;

import dev.tact.shared.ProblemException;
import java.util.Locale;

/** Who called whom. */
public enum CallDirection {
  INBOUND("inbound", "from"),
  OUTBOUND("outbound", "to");

  private final String label;
  private final String preposition;

  CallDirection(String label, String preposition) {
    this.label = label;
    this.preposition = preposition;
  }

  public String label() {
    return label;
  }

  String preposition() {
    return preposition;
  }

  public static CallDirection parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("invalid-direction", "Choose the call's direction: inbound or outbound.");
    }
  }
}
