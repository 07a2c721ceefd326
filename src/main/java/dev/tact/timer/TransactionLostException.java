package dev.tact.timer;

/**
 * The database ended the worker's transaction under it, so the savepoint of a failed attempt no longer exists: H2
 * rolls a deadlock's victim back whole (PostgreSQL only the failed statement's savepoint). Nothing the transaction
 * wrote stands; the cause is the work's own failure, the failed rollback to the savepoint is suppressed in it.
 */
final class TransactionLostException extends RuntimeException {

  TransactionLostException(RuntimeException failure, RuntimeException rollbackFailure) {
    super("the transaction ended under the work (" + failure + "); its savepoint could not be rolled back to",
        failure);
    addSuppressed(rollbackFailure);
  }

  /** The work's own failure, as it is recorded on an item. */
  RuntimeException failure() {
    return (RuntimeException) getCause();
  }
}
