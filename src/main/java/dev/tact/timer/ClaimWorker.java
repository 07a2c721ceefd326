package dev.tact.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works one queue on this node: each thread claims a batch of due items ({@code FOR UPDATE SKIP LOCKED}, so any
 * number of threads on any number of nodes never take the same item), hands the batch to the queue and, when
 * nothing is due, waits for a {@link WakeUp}, the next due item or the poll interval. See ADR 0026.
 */
final class ClaimWorker<T> implements Worker {

  private static final Logger log = LoggerFactory.getLogger(ClaimWorker.class);

  private final WorkQueue<T> queue;
  private final WorkerSettings settings;
  private final WakeUp wakeUp;
  private final TransactionTemplate transactions;
  private final WorkerMetrics metrics;
  private final Clock clock;
  private final boolean virtualThreads;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final RecentCounts recentlyDone = new RecentCounts();
  private final RecentCounts recentlyFailed = new RecentCounts();

  ClaimWorker(WorkQueue<T> queue, WorkerSettings settings, WakeUp wakeUp, TransactionTemplate transactions,
      WorkerMetrics metrics, Clock clock, boolean virtualThreads) {
    this.queue = queue;
    this.settings = settings;
    this.wakeUp = wakeUp;
    this.transactions = transactions;
    this.metrics = metrics;
    this.clock = clock;
    this.virtualThreads = virtualThreads;
  }

  String queueName() {
    return settings.queue();
  }

  /** What one transaction did, for the metrics once it committed. */
  private record Outcome(Pass pass, int claimed, int parked) {}

  @Override
  public Pass runOnce() {
    long started = System.nanoTime();
    Outcome outcome = settings.claim() == WorkerSettings.Claim.LEASED ? runLeased() : runLocked();
    if (outcome.claimed() > 0) {
      metrics.record(outcome.claimed(), outcome.pass().done(), outcome.pass().failed(), outcome.parked(),
          Duration.ofNanos(System.nanoTime() - started));
      Instant at = clock.instant();
      recentlyDone.add(at, outcome.pass().done());
      recentlyFailed.add(at, outcome.pass().failed());
    }
    return outcome.pass();
  }

  /** The queue's backlog across nodes and what this node's threads did with it in the last minute. */
  QueueStatus status() {
    Instant now = clock.instant();
    return new QueueStatus(settings.queue(), settings.enabled() ? settings.threads() : 0, queue.backlog(now),
        recentlyDone.lastMinute(now), recentlyFailed.lastMinute(now), now);
  }

  /**
   * Claims and works a batch in one transaction. If the queue throws, the batch goes back to its savepoint and the
   * items are worked again one at a time, each in a savepoint of its own; a failing one is counted (or parked)
   * while it is still locked, so no other worker sees it in between. A failure to claim or to record is thrown. When
   * the database ended the transaction under the work, see {@link #workedAgainAlone}.
   */
  private Outcome runLocked() {
    return runLocked(settings.batchSize());
  }

  private Outcome runLocked(int limit) {
    Instant now = clock.instant();
    List<T> claimed = new ArrayList<>();
    try {
      return transactions.execute(status -> workLocked(status, now, limit, claimed));
    } catch (TransactionLostException lost) {
      return workedAgainAlone(claimed, lost);
    }
  }

  private Outcome workLocked(TransactionStatus status, Instant now, int limit, List<T> claimed) {
    claimed.addAll(queue.claimDue(now, limit));
    if (claimed.isEmpty()) {
      return new Outcome(new Pass(0, 0, queue.nextDue().orElse(null)), 0, 0);
    }
    RuntimeException batchFailure = SavepointAttempt.run(status, () -> queue.handle(claimed));
    if (batchFailure == null) {
      return new Outcome(new Pass(claimed.size(), 0, null), claimed.size(), 0);
    }
    if (claimed.size() > 1) {
      log.debug("{}: a batch of {} failed; working its items one at a time", settings.queue(), claimed.size(),
          batchFailure);
      return oneByOne(status, claimed);
    }
    boolean parked = recordFailure(claimed.getFirst(), batchFailure);
    return new Outcome(new Pass(0, 1, null), 1, parked ? 1 : 0);
  }

  /**
   * The database ended the transaction under the worker (on H2, a deadlock's victim is rolled back whole): nothing
   * it wrote stands, the items' locks are gone, and going on in it would commit later items without the earlier ones.
   * The transaction has been rolled back; its items are worked again, each in a transaction of its own (claimed
   * afresh, oldest first), so that one item's trouble no longer takes the others with it. A single item whose
   * transaction was lost has the failure counted in a transaction of its own.
   */
  private Outcome workedAgainAlone(List<T> lostBatch, TransactionLostException lost) {
    if (lostBatch.size() == 1) {
      boolean parked = Boolean.TRUE.equals(transactions.execute(status ->
          recordFailure(lostBatch.getFirst(), lost.failure())));
      return new Outcome(new Pass(0, 1, null), 1, parked ? 1 : 0);
    }
    log.warn("{}: the database ended the transaction of a batch of {} ({}); working its items again one per "
        + "transaction", settings.queue(), lostBatch.size(), describe(lost.failure()));
    int done = 0;
    int failed = 0;
    int claimed = 0;
    int parked = 0;
    for (int i = 0; i < lostBatch.size(); i++) {
      Outcome alone = runLocked(1);
      if (alone.claimed() == 0) {
        break;
      }
      done += alone.pass().done();
      failed += alone.pass().failed();
      claimed += alone.claimed();
      parked += alone.parked();
    }
    return new Outcome(new Pass(done, failed, null), claimed, parked);
  }

  private Outcome oneByOne(TransactionStatus status, List<T> claimed) {
    int done = 0;
    int failed = 0;
    int parked = 0;
    for (T item : claimed) {
      RuntimeException failure = SavepointAttempt.run(status, () -> queue.handle(List.of(item)));
      if (failure == null) {
        done++;
      } else {
        failed++;
        parked += recordFailure(item, failure) ? 1 : 0;
      }
    }
    return new Outcome(new Pass(done, failed, null), claimed.size(), parked);
  }

  /** Counts the failure on the locked item; answers whether it parked it. */
  private boolean recordFailure(T item, RuntimeException e) {
    int attempt = queue.failuresSoFar(item) + 1;
    boolean park = queue.parksAtOnce(e) || attempt >= settings.maxAttempts();
    Instant retryAt = clock.instant().plus(settings.backoff().after(attempt));
    String error = describe(e);
    if (!queue.recordFailure(item, new WorkFailure(attempt, park, retryAt, error, e))) {
      log.info("{}: {} failed but changed meanwhile: {}", settings.queue(), item, error);
      return false;
    }
    if (park) {
      log.warn("{}: {} parked after {} attempt(s): {}", settings.queue(), item, attempt, error, e);
    } else {
      log.info("{}: {} failed attempt {}, retrying at {}: {}", settings.queue(), item, attempt, retryAt, error);
    }
    return park;
  }

  /** Claims in a transaction of its own, then works the leased items outside any transaction. */
  private Outcome runLeased() {
    Instant now = clock.instant();
    List<T> claimed = new ArrayList<>();
    Instant nextDue = transactions.execute(status -> {
      claimed.addAll(queue.claimDue(now, settings.batchSize()));
      return claimed.isEmpty() ? queue.nextDue().orElse(null) : null;
    });
    if (claimed.isEmpty()) {
      return new Outcome(new Pass(0, 0, nextDue), 0, 0);
    }
    queue.handle(claimed);
    return new Outcome(new Pass(claimed.size(), 0, null), claimed.size(), 0);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private void loop() {
    try {
      while (running.get()) {
        long seen = wakeUp.generation();
        try {
          Pass pass = runOnce();
          if (pass.idle()) {
            wakeUp.awaitAfter(seen, idleWait(pass.nextDue()));
          }
        } catch (RuntimeException e) {
          log.error("{}: could not claim or record work; backing off", settings.queue(), e);
          wakeUp.awaitAfter(seen, settings.pollInterval());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      queue.threadEnding();
    }
  }

  /** Until the next item is due, but no longer than the poll interval (other nodes may add sooner work). */
  private Duration idleWait(Instant nextDue) {
    Duration poll = settings.pollInterval();
    if (nextDue == null) {
      return poll;
    }
    Duration untilDue = Duration.between(clock.instant(), nextDue);
    return untilDue.compareTo(poll) < 0 ? (untilDue.isNegative() ? Duration.ZERO : untilDue) : poll;
  }

  @Override
  public void start() {
    if (!settings.enabled() || !running.compareAndSet(false, true)) {
      return;
    }
    for (int i = 0; i < settings.threads(); i++) {
      String name = settings.queue() + "-" + i;
      threads.add(virtualThreads ? Thread.ofVirtual().name(name).start(this::loop)
          : Thread.ofPlatform().name(name).start(this::loop));
    }
  }

  /** Asks the threads to stop after their current batch; {@link #awaitStopped} waits for them. */
  void signalStop() {
    running.set(false);
    wakeUp.wake();
  }

  void awaitStopped() {
    for (Thread thread : threads) {
      try {
        if (!thread.join(settings.stopTimeout())) {
          log.warn("{}: thread {} did not finish its batch within {}", settings.queue(), thread.getName(),
              settings.stopTimeout());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public void stop() {
    signalStop();
    awaitStopped();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }
}
