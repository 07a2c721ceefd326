package dev.tact.timer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A table of work that a {@link ClaimWorkers claim worker} drains: a module implements it over its own table and
 * registers it with {@link ClaimWorkers#register}. The worker calls {@link #claimDue} and then {@link #handle} in
 * one transaction (or, for a {@link WorkerSettings.Claim#LEASED leased} queue, commits the claim first).
 *
 * @param <T> one claimed item, as the queue reads it
 */
public interface WorkQueue<T> {

  /**
   * Locks up to {@code limit} items due at {@code now} that no other transaction holds ({@code FOR UPDATE SKIP
   * LOCKED}), in the worker's transaction; empty when none is due.
   */
  List<T> claimDue(Instant now, int limit);

  /**
   * Works on claimed items. For a queue whose items stay locked, this runs in the claiming transaction and
   * throwing rolls the work back to a savepoint: the worker then hands the items over one at a time, each in its
   * own savepoint, and records a failure for each one that throws. A leased queue runs outside any transaction
   * and records its own results.
   */
  void handle(List<T> items);

  /** Failed attempts counted on the item so far (0 for a fresh one). */
  default int failuresSoFar(T item) {
    return 0;
  }

  /** Whether this failure parks the item at once, since trying again cannot help (an unreadable item). */
  default boolean parksAtOnce(RuntimeException failure) {
    return false;
  }

  /**
   * Counts a failed attempt on an item that is still locked in the worker's transaction: retry at {@link
   * WorkFailure#retryAt()}, or park. Answers whether it was counted (false when the item changed meanwhile).
   */
  default boolean recordFailure(T item, WorkFailure failure) {
    throw new UnsupportedOperationException("this queue records its own failures");
  }

  /**
   * Asked when nothing was due: the instant the next item will be due, if the queue knows; an idle worker sleeps
   * until then, at most the poll interval (other nodes may add sooner work).
   */
  default Optional<Instant> nextDue() {
    return Optional.empty();
  }

  /**
   * What waits for this queue across every node at {@code now}, read from its table, for the queues page and the
   * {@code tact.worker.backlog.waiting}/{@code lag}/{@code parked} gauges; empty where the queue does not say.
   */
  default Optional<QueueBacklog> backlog(Instant now) {
    return Optional.empty();
  }

  /** Called on each worker thread as it ends, to release what the queue keeps per thread (a connection). */
  default void threadEnding() {}
}
