package dev.tact.timer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener's work on a batch of items (ADR 0058): all in one new transaction, each item in a savepoint of it, so
 * that an item that fails takes only its own work back and the others commit. When some failed, this throws after
 * the commit: the caller's publication is then marked failed and run again later (ADR 0056), so the work of each
 * item must tolerate being done again.
 */
public final class SavepointBatch {

  private SavepointBatch() {}

  /** Works every item as above; throws {@link ItemsFailed} after the commit when any failed. */
  public static <T> void workAll(PlatformTransactionManager transactionManager, List<T> items, Consumer<T> work) {
    if (items.isEmpty()) {
      return;
    }
    List<RuntimeException> failures = newTransaction(transactionManager).execute(status ->
        eachInSavepoint(status, items, work));
    throwIfAny(failures, items.size());
  }

  /** A new transaction of its own, whatever the caller runs in (a publication run again joins none of it). */
  public static TransactionTemplate newTransaction(PlatformTransactionManager transactionManager) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return transaction;
  }

  /** Works each item in a savepoint of this transaction; answers the failures, the others' work staying in it. */
  public static <T> List<RuntimeException> eachInSavepoint(TransactionStatus transaction, List<T> items,
      Consumer<T> work) {
    List<RuntimeException> failures = new ArrayList<>();
    for (T item : items) {
      RuntimeException failure = SavepointAttempt.run(transaction, () -> work.accept(item));
      if (failure != null) {
        failures.add(failure);
      }
    }
    return failures;
  }

  /** To call after the commit: throws {@link ItemsFailed} when some of the {@code of} items failed. */
  public static void throwIfAny(List<RuntimeException> failures, int of) {
    if (!failures.isEmpty()) {
      ItemsFailed failed = new ItemsFailed(failures.size(), of, failures.getFirst());
      failures.stream().skip(1).forEach(failed::addSuppressed);
      throw failed;
    }
  }

  /** Some items of a batch failed; the others' work is committed. */
  public static final class ItemsFailed extends RuntimeException {

    ItemsFailed(int failed, int of, RuntimeException first) {
      super(failed + " of " + of + " items failed (the others are done): " + first, first);
    }
  }
}
