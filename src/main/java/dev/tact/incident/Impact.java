package dev.tact.incident;

import dev.tact.shared.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** How badly an incident hurts the components it affects, and what the status page calls their state then. */
public enum Impact {
  MINOR("Degraded performance"),
  MAJOR("Partial outage"),
  CRITICAL("Major outage");

  private final String componentState;

  Impact(String componentState) {
    this.componentState = componentState;
  }

  /** What the status page says of a component this impact affects. */
  public String componentState() {
    return componentState;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Impact parse(String value) {
    return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(value == null ? "" : value.strip()))
        .findFirst().orElseThrow(() -> ProblemException.invalid("invalid-impact",
            "'" + value + "' is not an impact: one of minor, major, critical."));
  }
}
