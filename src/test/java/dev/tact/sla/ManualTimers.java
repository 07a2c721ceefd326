package dev.tact.sla;

import dev.tact.timer.FiredTimer;
import dev.tact.timer.ScheduledTimer;
import dev.tact.timer.TimerHandler;
import dev.tact.timer.Timers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timers kept in memory that a test fires by hand ({@link #fireDue}), each in a transaction with its handler, as
 * the durable implementation promises. A schedule or cancel in a transaction takes effect when it commits.
 */
final class ManualTimers implements Timers {

  private final Map<String, ScheduledTimer> waiting = new ConcurrentHashMap<>();
  private final List<FiredTimer> fired = new ArrayList<>();

  @Override
  public void schedule(String kind, String key, java.time.Instant dueAt, String payload) {
    afterCommit(() -> waiting.put(kind + " " + key, new ScheduledTimer(kind, key, dueAt, payload)));
  }

  @Override
  public boolean cancel(String kind, String key) {
    boolean present = waiting.containsKey(kind + " " + key);
    afterCommit(() -> waiting.remove(kind + " " + key));
    return present;
  }

  @Override
  public Optional<ScheduledTimer> find(String kind, String key) {
    return Optional.ofNullable(waiting.get(kind + " " + key));
  }

  /**
   * Fires every timer whose key starts with {@code keyPrefix} due by the clock's now, earliest first; answers how
   * many fired.
   */
  synchronized int fireDue(Clock clock, String keyPrefix, List<TimerHandler> handlers,
      TransactionTemplate transactions) {
    List<ScheduledTimer> due = waiting.values().stream().filter(t -> !t.dueAt().isAfter(clock.instant()))
        .filter(t -> t.key().startsWith(keyPrefix))
        .sorted(Comparator.comparing(ScheduledTimer::dueAt)).toList();
    for (ScheduledTimer timer : due) {
      waiting.remove(timer.kind() + " " + timer.key());
      FiredTimer firing = new FiredTimer(timer.kind(), timer.key(), timer.dueAt(), timer.payload(), clock.instant(), 1);
      transactions.executeWithoutResult(s -> handlers.stream().filter(h -> h.kind().equals(timer.kind()))
          .forEach(h -> h.fire(firing)));
      fired.add(firing);
    }
    return due.size();
  }

  /** Forgets every waiting timer (between tests that share the context). */
  synchronized void clear() {
    waiting.clear();
  }

  synchronized List<FiredTimer> fired() {
    return List.copyOf(fired);
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }
}
