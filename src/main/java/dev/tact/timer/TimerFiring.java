package dev.tact.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The timer table as a work queue of the claim worker ({@code tact.timers.workers} threads named {@code timers-N}):
 * due timers are claimed a batch at a time with {@code FOR UPDATE SKIP LOCKED}, and in that one transaction each
 * timer's handler runs and the timer is deleted, so the handlers' writes and the timers' state commit together or
 * not at all. A failing handler is retried by the worker one timer at a time, each in a savepoint, and its failure
 * counted while the timer is still locked; after the last attempt the timer is parked. Only kinds with a handler
 * here are claimed; due timers of other kinds stay, flagged in the log. An idle worker sleeps until the next timer
 * it can fire is due, at most the poll interval, or until {@link TimerAlarm} rings. See ADRs 0010 and 0026.
 */
@Component
class TimerFiring implements WorkQueue<TimerRow> {

  private static final Logger log = LoggerFactory.getLogger(TimerFiring.class);

  private final TimerStore store;
  private final TimerHandlers handlers;
  private final TimerMetrics metrics;
  private final Clock clock;
  private final Worker worker;
  private final Set<String> flaggedKinds = ConcurrentHashMap.newKeySet();
  private volatile Instant nextUnhandledCheck = Instant.MIN;

  TimerFiring(TimerStore store, TimerHandlers handlers, TimerMetrics metrics, TimerProperties properties,
      Clock clock, TimerAlarm alarm, ClaimWorkers workers) {
    this.store = store;
    this.handlers = handlers;
    this.metrics = metrics;
    this.clock = clock;
    this.worker = workers.register(this, WorkerSettings.locked("timers", properties.enabled(), properties.workers(),
        properties.batchSize(), properties.pollInterval(), properties.maxAttempts(), properties.backoff()), alarm);
  }

  /** Fires up to batch-size due timers now, on the calling thread. */
  Worker.Pass fireDue() {
    return worker.runOnce();
  }

  @Override
  public List<TimerRow> claimDue(Instant now, int limit) {
    Set<String> kinds = handlers.kinds();
    return kinds.isEmpty() ? List.of() : store.claimDue(kinds, now, limit);
  }

  /** Runs each timer's handler and deletes the timer, in the worker's transaction. */
  @Override
  public void handle(List<TimerRow> timers) {
    Instant now = clock.instant();
    for (TimerRow timer : timers) {
      FiredTimer firing = timer.firing(now);
      handlers.forKind(timer.kind()).orElseThrow().fire(firing);
      store.deleteFired(timer); // false when the handler moved or cancelled its own timer: that stands
      afterCommit(() -> metrics.fired(firing));
    }
  }

  @Override
  public int failuresSoFar(TimerRow timer) {
    return timer.attempts();
  }

  @Override
  public boolean recordFailure(TimerRow timer, WorkFailure failure) {
    boolean counted = store.recordFailure(timer, describe(failure.exception()), failure.parked(), failure.retryAt());
    if (counted) {
      afterCommit(() -> metrics.failed(timer.kind(), failure.parked()));
    }
    return counted;
  }

  /** The next timer this node can fire (flagging, now and then, due timers it cannot). */
  @Override
  public Optional<Instant> nextDue() {
    flagUnhandledKinds();
    Set<String> kinds = handlers.kinds();
    return kinds.isEmpty() ? Optional.empty() : store.claimNext(kinds).map(TimerRow::nextAttemptAt);
  }

  @Override
  public Optional<QueueBacklog> backlog(Instant now) {
    return Optional.of(store.backlog(now));
  }

  private static String describe(Throwable failure) {
    Throwable e = failure instanceof IllegalStateException && failure.getCause() instanceof Error
        ? failure.getCause() : failure;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e + " (cause: " + root + ")";
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  /** Logs, once per kind and node, due timers that no handler here can fire; they stay for a node that can. */
  void flagUnhandledKinds() {
    Instant now = clock.instant();
    if (now.isBefore(nextUnhandledCheck)) {
      return;
    }
    nextUnhandledCheck = now.plus(Duration.ofMinutes(1));
    List<String> unhandled = store.dueKindsOtherThan(handlers.kinds(), now);
    for (String kind : unhandled) {
      if (flaggedKinds.add(kind)) {
        log.warn("Timers of kind {} are due but this node has no handler for them; they stay waiting", kind);
      }
    }
    flaggedKinds.retainAll(unhandled);
  }
}
