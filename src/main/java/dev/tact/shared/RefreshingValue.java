package dev.tact.shared;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read from the database and kept for a short while: asked on every mail or send, it is read again only
 * when older than {@code maxAge} (so a change another node made arrives that much later) or when this node
 * changed it ({@link #forgetAfterCommit}). Age is measured on the monotonic clock, not on the business clock,
 * which tests may stop. Thread-safe; two threads may read at once after expiry, which is harmless.
 */
public final class RefreshingValue<T> {

  private record Read<T>(T value, long readAtNanos) {}

  private final Supplier<T> loader;
  private final long maxAgeNanos;
  private volatile Read<T> current;

  public RefreshingValue(Supplier<T> loader, Duration maxAge) {
    this.loader = loader;
    this.maxAgeNanos = maxAge.toNanos();
  }

  public T get() {
    Read<T> known = current;
    long now = System.nanoTime();
    if (known == null || now - known.readAtNanos() > maxAgeNanos) {
      known = new Read<>(loader.get(), now);
      current = known;
    }
    return known.value();
  }

  /** Reads afresh on the next {@link #get}. */
  public void forget() {
    current = null;
  }

  /**
   * Forgets now and again when the current transaction ends (at once outside one): a reader between the change
   * and its commit may have cached the old value again.
   */
  public void forgetAfterCommit() {
    forget();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          forget();
        }
      });
    }
  }
}
