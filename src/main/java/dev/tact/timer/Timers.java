package dev.tact.timer;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable one-shot timers: a timer is a row in the database, so it survives restarts, and it fires once even when
 * several Tact nodes run. Timers are named by a kind (which {@link TimerHandler} fires them) and a key unique
 * within the kind, so scheduling the same (kind, key) again moves the timer instead of adding a second one.
 *
 * <p>All methods join the caller's transaction: a timer scheduled in a transaction that rolls back never existed.
 */
public interface Timers {

  /** Creates the timer (kind, key) due at {@code dueAt}, or moves it there if it exists and has not fired. */
  void schedule(String kind, String key, Instant dueAt, String payload);

  /** Removes the timer if it has not fired yet; answers whether there was one to remove. */
  boolean cancel(String kind, String key);

  /** The timer (kind, key) if it is still waiting to fire. */
  Optional<ScheduledTimer> find(String kind, String key);
}
