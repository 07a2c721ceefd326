package dev.tact.sla;

/** What a service target measures. */
public enum SlaMetric {
  /** From the conversation's opening to the first agent reply. */
  FIRST_RESPONSE("first response"),
  /** From a customer's message (after an agent's reply) to the next agent reply. */
  NEXT_RESPONSE("next response"),
  /** From the opening until the conversation is solved or closed. */
  RESOLUTION("resolution");

  private final String label;

  SlaMetric(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
