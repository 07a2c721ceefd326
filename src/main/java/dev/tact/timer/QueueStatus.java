package dev.tact.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One work queue as this node sees it: the backlog every node shares and what this node's workers did in the last
 * minute.
 *
 * @param queue the queue's name
 * @param threads this node's worker threads for it (0 when this node only adds work)
 * @param backlog what waits, across nodes; empty when the queue does not say
 * @param doneLastMinute items this node worked without failing in the last minute
 * @param failedLastMinute failed attempts on this node in the last minute
 * @param readAt when this was read
 */
public record QueueStatus(String queue, int threads, Optional<QueueBacklog> backlog, long doneLastMinute,
    long failedLastMinute, Instant readAt) {

  /** The lag: how long the oldest waiting item has waited; empty when not known. */
  public Optional<Duration> lag() {
    return backlog.filter(QueueBacklog::knowsLag).map(b -> b.lag(readAt));
  }

  /**
   * How long the backlog would take to drain at this node's pace of the last minute, other nodes and new work
   * aside; empty when nothing waits or nothing was done.
   */
  public Optional<Duration> drainEstimate() {
    return backlog.filter(b -> b.waiting() > 0 && doneLastMinute > 0)
        .map(b -> Duration.ofMillis(Math.ceilDiv(b.waiting() * 60_000, doneLastMinute)));
  }
}
