package dev.tact.incident;

import dev.tact.shared.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** Where an incident stands, as its updates say. Only RESOLVED ends it. */
public enum IncidentState {
  INVESTIGATING("Investigating"),
  IDENTIFIED("Identified"),
  MONITORING("Monitoring"),
  RESOLVED("Resolved");

  private final String label;

  IncidentState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IncidentState parse(String value) {
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value == null ? "" : value.strip()))
        .findFirst().orElseThrow(() -> ProblemException.invalid("invalid-incident-state",
            "'" + value + "' is not an incident state: one of investigating, identified, monitoring, resolved."));
  }
}
