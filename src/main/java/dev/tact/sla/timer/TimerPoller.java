package dev.tact.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** What one attempt did; when idle, when the next timer this node can fire is due (null if none waits). */
  record Attempt(boolean fired, boolean failed, Instant nextDue) {

    static final Attempt FIRED = new Attempt(true, false, null);
    static final Attempt FAILED = new Attempt(false, true, null);

    static Attempt idle(Instant nextDue) {
      return new Attempt(false, false, nextDue);
    }

    boolean idle() {
      return !fired && !failed;
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

  /** Fires the next due timer, if any; a database failure outside the handler is thrown. */
  Attempt fireNext() {
    Set<String> kinds = handlers.kinds();
    if (kinds.isEmpty()) {
      return Attempt.idle(null);
    }
    Instant now = clock.instant();
    AtomicReference<FiredTimer> firing = new AtomicReference<>();
    AtomicReference<TimerRow> claimed = new AtomicReference<>();
    try {
      Attempt attempt = transactions.execute(status -> {
        Optional<TimerRow> next = store.claimNext(kinds);
        if (next.isEmpty() || next.get().nextAttemptAt().isAfter(now)) {
          return Attempt.idle(next.map(TimerRow::nextAttemptAt).orElse(null));
        }
        TimerRow timer = next.get();
        claimed.set(timer);
        firing.set(timer.firing(now));
        handlers.forKind(timer.kind()).orElseThrow().fire(firing.get());
        store.deleteFired(timer); // false when the handler moved or cancelled its own timer: that stands
        return Attempt.FIRED;
      });
      if (attempt.fired()) {
        metrics.fired(firing.get());
      }
      return attempt;
    } catch (RuntimeException e) {
      TimerRow timer = claimed.get();
      if (timer == null) {
        throw e;
      }
      recordFailure(timer, e);
      return Attempt.FAILED;
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

  private static String describe(Throwable e) {
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
        Attempt attempt = fireNext();
        if (attempt.idle()) {
          flagUnhandledKinds();
          alarm.awaitAfter(seen, idleWait(attempt.nextDue()));
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
