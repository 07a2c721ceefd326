package dev.tact.timer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link Timers} on the {@code timer_entry} table, in the caller's transaction. */
@Component
class JdbcTimers implements Timers {

  static final int MAX_KIND = 100;
  static final int MAX_KEY = 300;

  private final TimerStore store;
  private final TimerAlarm alarm;
  private final TimerProperties properties;
  private final Clock clock;

  JdbcTimers(TimerStore store, TimerAlarm alarm, TimerProperties properties, Clock clock) {
    this.store = store;
    this.alarm = alarm;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void schedule(String kind, String key, Instant dueAt, String payload) {
    check(kind, key);
    if (dueAt == null) {
      throw new IllegalArgumentException("a timer needs a due instant");
    }
    Instant now = clock.instant();
    store.upsert(kind, key, dueAt, payload, now);
    if (dueAt.isBefore(now.plus(properties.pollInterval()))) {
      alarm.wakeAfterCommit(); // once the timer is visible to the workers
    }
  }

  @Override
  public boolean cancel(String kind, String key) {
    check(kind, key);
    return store.delete(kind, key);
  }

  @Override
  public Optional<ScheduledTimer> find(String kind, String key) {
    check(kind, key);
    return store.find(kind, key).map(TimerRow::scheduled);
  }

  private static void check(String kind, String key) {
    if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
      throw new IllegalArgumentException("a timer kind has 1 to " + MAX_KIND + " characters: " + kind);
    }
    if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("a timer key has 1 to " + MAX_KEY + " characters: " + key);
    }
  }
}
