package dev.tact.shared;

import java.util.function.IntSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/** Housekeeping in short transactions, so that it never holds many row locks for long. */
public final class Batches {

  private Batches() {}

  /**
   * Runs {@code batch} (which handles at most {@code size} rows and says how many) in a transaction of its own,
   * again and again until one comes back short; returns the total.
   */
  public static int untilShort(TransactionTemplate transactions, int size, IntSupplier batch) {
    int total = 0;
    int done;
    do {
      Integer handled = transactions.execute(status -> batch.getAsInt());
      done = handled == null ? 0 : handled;
      total += done;
    } while (done == size);
    return total;
  }
}
