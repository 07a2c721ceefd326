package dev.tact.conversation;

/** INBOUND from the customer, OUTBOUND from an agent to the customer, NOTE between agents only. */
public enum Direction {
  INBOUND,
  OUTBOUND,
  NOTE
}
