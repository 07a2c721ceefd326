package dev.tact.chat;

import java.util.function.Consumer;

/**
 * Tells every node's subscribers about a chat. A signal published inside a transaction is delivered after it
 * commits (nothing is announced that may roll back), one published outside at once. On PostgreSQL every node hears
 * every signal ({@link PostgresChatBus}: LISTEN/NOTIFY); on H2, a single node, it stays in the process
 * ({@link InProcessChatBus}).
 */
interface ChatBus extends AutoCloseable {

  void publish(ChatSignal signal);

  void subscribe(Consumer<ChatSignal> subscriber);

  @Override
  void close();
}
