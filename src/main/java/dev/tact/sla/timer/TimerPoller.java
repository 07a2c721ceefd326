package dev.tact.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers on this node. Each worker claims the next due timer with {@code FOR UPDATE SKIP LOCKED}, so
 * any number of workers on any number of nodes share the table without taking the same timer twice, and in
 * that one transaction runs the timer's handler and deletes the timer: both commit or neither does. A handler
 * that throws rolls everything back; the failure is then counted in a transaction of its own and the timer
 * retried with back-off, or parked after the last attempt. Workers only claim kinds they have a handler for;
 * due timers of other kinds stay, flagged in the log. See ADR 0010.
 */
@Component
class TimerPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

  /**
   * What one pass did: timers fired and failed; when it fired none, when the next timer this node can fire is
   * due (null if none waits).
   */
  record Pass(int fired, int failed, Instant nextDue) {

    boolean idle() {
      return fired == 0 && failed == 0;
    }
  }

  private final TimerStore store;
  private final TimerHandlers handlers;
  private final TimerAlarm alarm;
  private final TimerMetrics metrics;
  private final TimerProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();
  private final Set<String> flaggedKinds = ConcurrentHashMap.newKeySet();
  private volatile Instant nextUnhandledCheck = Instant.MIN;

  TimerPoller(TimerStore store, TimerHandlers handlers, TimerAlarm alarm, TimerMetrics metrics,
      TimerProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
    this.store = store;
    this.handlers = handlers;
    this.alarm = alarm;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Fires up to batch-size due timers in one transaction. If any of them fails, that transaction rolls back as a
   * whole (no savepoints: a savepoint rollback would leave the failed handler's after-commit work registered)
   * and the batch is fired again one timer per transaction, where only the failing one fails. A database
   * failure outside the handlers is thrown.
   */
  Pass fireDue() {
    Set<String> kinds = handlers.kinds();
    if (kinds.isEmpty()) {
      return new Pass(0, 0, null);
    }
    Instant now = clock.instant();
    List<TimerRow> claimed = new ArrayList<>();
    List<FiredTimer> fired = new ArrayList<>();
    try {
      Instant nextDue = transactions.execute(status -> {
        claimed.addAll(store.claimDue(kinds, now, properties.batchSize()));
        if (claimed.isEmpty()) {
          return store.claimNext(kinds).map(TimerRow::nextAttemptAt).orElse(null);
        }
        for (TimerRow timer : claimed) {
          fired.add(fire(timer, now));
        }
        return null;
      });
      fired.forEach(metrics::fired);
      return new Pass(fired.size(), 0, nextDue);
    } catch (RuntimeException e) {
      if (claimed.isEmpty()) {
        throw e;
      }
      if (claimed.size() > 1) {
        log.debug("A batch of {} timers failed; firing them one per transaction", claimed.size(), e);
      }
      return fireOneByOne(claimed, now);
    }
  }

  private Pass fireOneByOne(List<TimerRow> timers, Instant now) {
    int fired = 0;
    int failed = 0;
    for (TimerRow timer : timers) {
      AtomicReference<FiredTimer> firing = new AtomicReference<>();
      try {
        transactions.executeWithoutResult(status ->
            store.claimAgain(timer, now).ifPresent(again -> firing.set(fire(again, now))));
      } catch (RuntimeException e) {
        if (firing.get() == null && !isHandlerFailure(e)) {
          throw e;
        }
        recordFailure(timer, e);
        failed++;
        continue;
      }
      if (firing.get() != null) {
        metrics.fired(firing.get());
        fired++;
      }
    }
    return new Pass(fired, failed, null);
  }

  /** Runs the timer's handler and deletes the timer, in the caller's transaction. */
  private FiredTimer fire(TimerRow timer, Instant now) {
    FiredTimer firing = timer.firing(now);
    TimerHandler handler = handlers.forKind(timer.kind()).orElseThrow();
    try {
      handler.fire(firing);
    } catch (Throwable e) { // an Error from a handler (an assertion, a stack overflow) must not end the worker
      throw new HandlerFailure(e);
    }
    store.deleteFired(timer); // false when the handler moved or cancelled its own timer: that stands
    return firing;
  }

  private static boolean isHandlerFailure(RuntimeException e) {
    return e instanceof HandlerFailure;
  }

  /** A handler's exception, told apart from the database failing around it. */
  private static final class HandlerFailure extends RuntimeException {
    HandlerFailure(Throwable cause) {
      super(cause.toString(), cause);
    }
  }

  private void recordFailure(TimerRow timer, RuntimeException e) {
    int failures = timer.attempts() + 1;
    boolean park = failures >= properties.maxAttempts();
    Instant next = clock.instant().plus(properties.backoffAfter(failures));
    String error = describe(e);
    boolean counted = Boolean.TRUE.equals(transactions.execute(s -> store.recordFailure(timer, error, park, next)));
    if (!counted) {
      log.info("Timer {}/{} failed but was moved or cancelled meanwhile: {}", timer.kind(), timer.key(), error);
      return;
    }
    metrics.failed(timer.kind(), park);
    if (park) {
      log.warn("Timer {}/{} parked after {} failed attempt(s): {}", timer.kind(), timer.key(), failures, error, e);
    } else {
      log.info("Timer {}/{} failed attempt {}, retrying at {}: {}", timer.kind(), timer.key(), failures, next, error);
    }
  }

  private static String describe(Throwable failure) {
    Throwable e = failure instanceof HandlerFailure ? failure.getCause() : failure;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e + " (cause: " + root + ")";
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

  private void workLoop() {
    while (running.get()) {
      long seen = alarm.generation();
      try {
        Pass pass = fireDue();
        if (pass.idle()) {
          flagUnhandledKinds();
          alarm.awaitAfter(seen, idleWait(pass.nextDue()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Timer worker could not claim timers; backing off", e);
        try {
          alarm.awaitAfter(seen, properties.pollInterval());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Until the next timer is due, but no longer than the poll interval (other nodes may schedule sooner ones). */
  private Duration idleWait(Instant nextDue) {
    Duration poll = properties.pollInterval();
    if (nextDue == null) {
      return poll;
    }
    Duration untilDue = Duration.between(clock.instant(), nextDue);
    return untilDue.compareTo(poll) < 0 ? (untilDue.isNegative() ? Duration.ZERO : untilDue) : poll;
  }

  @Override
  public void start() {
    if (properties.enabled() && running.compareAndSet(false, true)) {
      for (int i = 0; i < properties.workers(); i++) {
        workers.add(Thread.ofPlatform().name("sla-timer-" + i).start(this::workLoop));
      }
    }
  }

  /** Lets each worker finish the timer it is firing (its transaction commits or rolls back), then stops. */
  @Override
  public void stop() {
    running.set(false);
    alarm.ring();
    for (Thread worker : workers) {
      try {
        worker.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200;
  }
}
