package dev.tact.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof that the policy allowed (or deferred) one outbound contact: only the policy module can
 * issue it ({@link ContactPolicyService#permit}), and whatever records or sends a contact takes
 * one, so nothing in Tact reaches anyone without a decision. {@code earliest} is the proposed
 * instant for an ALLOW, the not-before instant for a DEFER.
 */
public final class ContactPermit {

  private final UUID decisionId;
  private final DecisionRequest request;
  private final Instant earliest;

  ContactPermit(UUID decisionId, DecisionRequest request, Instant earliest) {
    this.decisionId = decisionId;
    this.request = request;
    this.earliest = earliest;
  }

  public UUID decisionId() {
    return decisionId;
  }

  public DecisionRequest request() {
    return request;
  }

  public Instant earliest() {
    return earliest;
  }
}
