package dev.tact.timer;

import java.util.List;
import org.springframework.transaction.TransactionException;
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

  /**
   * Answers the failure, or null when the work succeeded and stays in the transaction. When the savepoint cannot be
   * rolled back to (the database ended the transaction under the work), throws {@link TransactionLostException}: the
   * caller must not go on in that transaction, whose earlier work is gone and whose later statements would commit
   * without it.
   */
  static RuntimeException run(TransactionStatus transaction, Runnable work) {
    Object savepoint = transaction.createSavepoint();
    List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
    try {
      work.run();
      transaction.releaseSavepoint(savepoint);
      return null;
    } catch (RuntimeException e) {
      undo(transaction, savepoint, before, e);
      return e;
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Error e) { // an assertion or a stack overflow in one item's work must not end the worker
      IllegalStateException failure = new IllegalStateException(e.toString(), e);
      undo(transaction, savepoint, before, failure);
      return failure;
    }
  }

  private static void undo(TransactionStatus transaction, Object savepoint, List<TransactionSynchronization> before,
      RuntimeException failure) {
    try {
      transaction.rollbackToSavepoint(savepoint);
    } catch (TransactionException notUndone) {
      throw new TransactionLostException(failure, notUndone);
    }
    if (TransactionSynchronizationManager.getSynchronizations().size() != before.size()) {
      TransactionSynchronizationManager.clearSynchronization();
      TransactionSynchronizationManager.initSynchronization();
      before.forEach(TransactionSynchronizationManager::registerSynchronization);
    }
  }
}
