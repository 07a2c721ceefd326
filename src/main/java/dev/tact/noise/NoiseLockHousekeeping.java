package dev.tact.noise;

import dev.tact.shared.Batches;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the lock rows of keys (authors, senders, domains) nobody locked for {@code tact.noise.lock-retention},
 * a batch per short transaction, so the table does not keep one row per address that ever wrote.
 */
@Component
class NoiseLockHousekeeping {

  private final NoiseLocks locks;
  private final NoiseProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  NoiseLockHousekeeping(NoiseLocks locks, NoiseProperties properties, TransactionTemplate transactions, Clock clock) {
    this.locks = locks;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
  void prune() {
    pruneUnused();
  }

  /** Returns how many rows were deleted. */
  int pruneUnused() {
    var before = clock.instant().minus(properties.lockRetention());
    return Batches.untilShort(transactions, NoiseLocks.PRUNE_BATCH, () -> locks.pruneUnusedBefore(before));
  }
}
