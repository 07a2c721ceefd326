package dev.tact.churn;

/** What made a contact's latest episode poor, as the list and the dashboard name it. */
public enum PoorExperience {
  POOR_SURVEY("Poor survey answer"),
  SLA_BREACHED("SLA target breached"),
  MANY_HANDOFFS("Many hand-offs"),
  REOPENED("Reopened"),
  CLOSED_UNSOLVED("Closed without being solved"),
  LEFT_OPEN("Left unresolved"),
  INCIDENT("Affected by an incident");

  private final String label;

  PoorExperience(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static PoorExperience parse(String value) {
    String wanted = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (PoorExperience kind : values()) {
      if (kind.name().equals(wanted)) {
        return kind;
      }
    }
    throw dev.tact.shared.ProblemException.invalid("unknown-reason", "Unknown reason '" + value + "': use "
        + String.join(", ", java.util.Arrays.stream(values()).map(PoorExperience::id).toList()) + ".");
  }
}
