package dev.tact.timer;

import java.util.List;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work in a savepoint of the current transaction; when it throws, rolls back to the savepoint and also forgets
 * the transaction synchronizations it registered. Rolling back the savepoint alone would leave them registered with
 * the outer transaction, and its commit would run after-commit work (an event listener, Spring Modulith's
 * publication) for writes that were rolled back; that is why ADR 0010 had no savepoints, and ADR 0026 adds this.
 */
final class SavepointAttempt {

  private SavepointAttempt() {}

  /** Answers the failure, or null when the work succeeded and stays in the transaction. */
  static RuntimeException run(TransactionStatus transaction, Runnable work) {
    Object savepoint = transaction.createSavepoint();
    List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
    try {
      work.run();
      transaction.releaseSavepoint(savepoint);
      return null;
    } catch (RuntimeException e) {
      undo(transaction, savepoint, before);
      return e;
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Error e) { // an assertion or a stack overflow in one item's work must not end the worker
      undo(transaction, savepoint, before);
      return new IllegalStateException(e.toString(), e);
    }
  }

  private static void undo(TransactionStatus transaction, Object savepoint, List<TransactionSynchronization> before) {
    transaction.rollbackToSavepoint(savepoint);
    if (TransactionSynchronizationManager.getSynchronizations().size() != before.size()) {
      TransactionSynchronizationManager.clearSynchronization();
      TransactionSynchronizationManager.initSynchronization();
      before.forEach(TransactionSynchronizationManager::registerSynchronization);
    }
  }
}
