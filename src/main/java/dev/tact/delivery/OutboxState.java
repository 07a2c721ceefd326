package dev.tact.delivery;

/**
 * Where an outbound message is. QUEUED: due now, or at its next retry; DEFERRED: the policy said
 * not before an instant; SENDING: claimed by a node under a lease; then one of the final states.
 */
public enum OutboxState {
  QUEUED,
  DEFERRED,
  SENDING,
  SENT,
  FAILED,
  BOUNCED,
  CANCELLED,
  DENIED;

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == BOUNCED || this == CANCELLED || this == DENIED;
  }
}
