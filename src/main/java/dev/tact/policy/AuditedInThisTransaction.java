package dev.tact.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The decisions {@link ContactPolicyService} audited in the current transaction, so that a batch asking for their
 * permits right after (a campaign step, an incident's notices) does not read back the rows it has just written. They
 * are forgotten when the transaction ends, committed or not; outside a transaction nothing is remembered.
 */
final class AuditedInThisTransaction {

  private static final Object KEY = new Object();

  private AuditedInThisTransaction() {}

  static void remember(List<AuditedDecision> decisions) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<UUID, AuditedDecision> known = (Map<UUID, AuditedDecision>) TransactionSynchronizationManager.getResource(KEY);
    if (known == null) {
      Map<UUID, AuditedDecision> made = new HashMap<>();
      known = made;
      TransactionSynchronizationManager.bindResource(KEY, made);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(KEY, made);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
    }
    for (AuditedDecision decision : decisions) {
      known.put(decision.id(), decision);
    }
  }

  static AuditedDecision find(UUID decisionId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<UUID, AuditedDecision> known = (Map<UUID, AuditedDecision>) TransactionSynchronizationManager.getResource(KEY);
    return known == null ? null : known.get(decisionId);
  }
}
