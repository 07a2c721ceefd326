package dev.tact.live;

/**
 * Tells every node's subscribers of a topic about something that happened. A signal published inside a transaction
 * is delivered after it commits (nothing is announced that may roll back), one published outside at once. Signals
 * are small (a PostgreSQL NOTIFY payload holds under 8,000 bytes) and fleeting: they say what to read again, the
 * database keeps what happened. On PostgreSQL every node hears every signal (LISTEN/NOTIFY); on H2, a single node,
 * they stay in the process.
 */
public interface SignalBus {

  /** Publishes a signal (a record Jackson can write and read) on a topic such as {@code chat}. */
  void publish(String topic, Object signal);

  /** Hands the topic's signals, read as {@code type}, to the listener, on a thread of the bus's own. */
  <T> void subscribe(String topic, Class<T> type, SignalListener<T> listener);
}
