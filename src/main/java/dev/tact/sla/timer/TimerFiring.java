package dev.tact.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers, a batch at a time. The batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so any number
 * of workers on any number of nodes share the table without taking the same timer twice, and in that one
 * transaction each timer's handler runs and the timer is deleted: the handlers' writes and the timers' state
 * commit together or not at all. A handler that throws rolls the batch back; its timers are then fired one per
 * transaction, the failure counted in a transaction of its own and the timer retried with back-off, or parked
 * after the last attempt. Only kinds with a handler here are claimed; due timers of other kinds stay, flagged in
 * the log. See ADR 0010.
 */
@Component
class TimerFiring {

  private static final Logger log = LoggerFactory.getLogger(TimerFiring.class);

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
  private final TimerMetrics metrics;
  private final TimerProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Set<String> flaggedKinds = ConcurrentHashMap.newKeySet();
  private volatile Instant nextUnhandledCheck = Instant.MIN;

  TimerFiring(TimerStore store, TimerHandlers handlers, TimerMetrics metrics, TimerProperties properties,
      Clock clock, PlatformTransactionManager transactionManager) {
    this.store = store;
    this.handlers = handlers;
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
}
