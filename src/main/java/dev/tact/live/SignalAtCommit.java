package dev.tact.live;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A signal published in a transaction, waiting for its commit. The first of a transaction's signals to hear
 * {@code beforeCommit} sends all of them that are still registered, in the order they were published, with one
 * statement on the transaction's connection (so PostgreSQL still delivers them only if it commits). Being a
 * synchronization of its own, a signal of work rolled back to a savepoint is forgotten with that work's
 * synchronizations (SavepointAttempt), as PostgreSQL forgets a NOTIFY of a rolled-back subtransaction. A signal
 * published after the others were sent (by another synchronization's before-commit work, or after the commit) is sent
 * after the commit.
 */
final class SignalAtCommit implements TransactionSynchronization {

  private final Object bus;
  private final String payload;
  private final Consumer<List<String>> send;
  private boolean sent;

  private SignalAtCommit(Object bus, String payload, Consumer<List<String>> send) {
    this.bus = bus;
    this.payload = payload;
    this.send = send;
  }

  /** Registers the payload with the current transaction; {@code send} is called with the payloads to send. */
  static void register(Object bus, String payload, Consumer<List<String>> send) {
    TransactionSynchronizationManager.registerSynchronization(new SignalAtCommit(bus, payload, send));
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    if (sent) {
      return;
    }
    // identical payloads collapse, the first kept: what PostgreSQL does with identical NOTIFYs of one transaction
    Set<String> payloads = new LinkedHashSet<>();
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof SignalAtCommit signal && signal.bus == bus && !signal.sent) {
        signal.sent = true;
        payloads.add(signal.payload);
      }
    }
    send.accept(List.copyOf(payloads));
  }

  /**
   * Sends a signal the before-commit sending missed: published by another synchronization's before-commit work, or
   * after the commit (an after-commit listener), when Spring no longer calls {@code afterCommit} of what registers
   * then but still calls {@code afterCompletion}.
   */
  @Override
  public void afterCompletion(int status) {
    if (status == STATUS_COMMITTED && !sent) {
      sent = true;
      send.accept(List.of(payload));
    }
  }
}
