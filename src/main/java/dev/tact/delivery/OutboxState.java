package dev.tact.delivery;

/**
 * Where an outbound message is. QUEUED: due now, or at its next retry; DEFERRED: the policy said
 * not before an instant; SENDING: claimed by a node under a lease; then one of the final states. UNDELIVERABLE: a
 * reply written where there is no way out (no provider for its channel, or a phone conversation), with the reason;
 * an admin may send it again once a provider is configured.
 */
public enum OutboxState {
  QUEUED,
  DEFERRED,
  SENDING,
  SENT,
  FAILED,
  BOUNCED,
  CANCELLED,
  DENIED,
  UNDELIVERABLE;

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == BOUNCED || this == CANCELLED || this == DENIED
        || this == UNDELIVERABLE;
  }
}
