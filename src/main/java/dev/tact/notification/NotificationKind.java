package dev.tact.notification;

/** What an agent is told about; each has its defaults until the agent chooses (in the app: on; email: see each). */
public enum NotificationKind {
  ASSIGNED("A conversation is assigned to you", false),
  CUSTOMER_REPLIED("The customer answered on a conversation assigned to you", false),
  MENTIONED("Someone mentioned you in an internal note", true),
  SLA("An SLA warning or breach on a conversation assigned to you", false),
  POOR_SURVEY("A customer answered a survey poorly about your team's conversation (team leads)", true);

  private final String label;
  private final boolean emailByDefault;

  NotificationKind(String label, boolean emailByDefault) {
    this.label = label;
    this.emailByDefault = emailByDefault;
  }

  public String label() {
    return label;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  NotificationPreference defaults() {
    return new NotificationPreference(this, true, emailByDefault);
  }
}
