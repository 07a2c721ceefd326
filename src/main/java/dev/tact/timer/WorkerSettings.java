package dev.tact.timer;

import java.time.Duration;

/**
 * How a queue is worked on this node.
 *
 * @param queue the queue's name, in thread names, logs and the {@code queue} tag of the {@code tact.worker.*}
 *     metrics
 * @param enabled whether this node works the queue (a node may only add work)
 * @param threads worker threads (0: none, as when not enabled)
 * @param batchSize most items claimed at once
 * @param pollInterval the longest an idle worker waits before it looks for due items it was not told about
 * @param maxAttempts failures after which an item is parked
 * @param backoff the wait before the next attempt after a failure
 * @param claim whether items stay locked while they are worked, or are leased by a committed claim
 * @param stopTimeout how long stopping waits for a thread to finish its batch
 */
public record WorkerSettings(String queue, boolean enabled, int threads, int batchSize, Duration pollInterval,
    int maxAttempts, Backoff backoff, Claim claim, Duration stopTimeout) {

  /** How an item is held while it is worked. */
  public enum Claim {
    /** Claimed and worked in one transaction: the row lock holds it, the work commits with the claim. */
    LOCKED,
    /**
     * The claim (which marks the items taken, e.g. under a lease) commits before the work, which runs outside any
     * transaction and records its own results; failures are the queue's business.
     */
    LEASED
  }

  public WorkerSettings {
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException("a work queue needs a name");
    }
    if (threads < 0 || batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(queue + ": threads must be at least 0, batch size and max attempts at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(queue + ": the poll interval must be positive");
    }
  }

  /** Items that stay locked while they are worked, stopping within 30 seconds. */
  public static WorkerSettings locked(String queue, boolean enabled, int threads, int batchSize,
      Duration pollInterval, int maxAttempts, Backoff backoff) {
    return new WorkerSettings(queue, enabled, threads, batchSize, pollInterval, maxAttempts, backoff, Claim.LOCKED,
        Duration.ofSeconds(30));
  }
}
