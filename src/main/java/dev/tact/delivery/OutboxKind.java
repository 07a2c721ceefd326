package dev.tact.delivery;

/** How a row is sent: by SMTP, or as a signed webhook POST to an SMS or social adapter. */
public enum OutboxKind {
  EMAIL,
  WEBHOOK
}
