package dev.tact.timer;

import java.util.function.Consumer;

/**
 * Fires the timers of one kind. Implementations are Spring beans; each kind has exactly one handler.
 *
 * <p>{@link #fire} runs in the same transaction that marks the timer fired: what the handler writes to the
 * database and the timer's state commit together, so the effect happens once. If the handler throws, both roll
 * back and the timer is tried again later with back-off.
 */
public interface TimerHandler {

  /** The kind of timer this handler fires, e.g. {@code sla.warning}. */
  String kind();

  void fire(FiredTimer timer);

  /** A handler that fires the timers of {@code kind} with {@code fire}: for a module that declares them as beans. */
  static TimerHandler of(String kind, Consumer<FiredTimer> fire) {
    return new TimerHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void fire(FiredTimer timer) {
        fire.accept(timer);
      }
    };
  }
}
