package dev.tact.live;

/** Hears one topic's signals. */
@FunctionalInterface
public interface SignalListener<T> {

  void signal(T signal);

  /**
   * This node may have missed signals (its listening connection broke and was opened again): read again from the
   * database whatever was shown from signals.
   */
  default void missed() {}
}
