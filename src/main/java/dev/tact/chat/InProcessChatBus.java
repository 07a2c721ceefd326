package dev.tact.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** One node's bus (H2): signals go to this process's subscribers after the publisher's commit. */
class InProcessChatBus implements ChatBus {

  private static final Logger log = LoggerFactory.getLogger(InProcessChatBus.class);

  private final List<Consumer<ChatSignal>> subscribers = new CopyOnWriteArrayList<>();
  private final ExecutorService executor;

  InProcessChatBus(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public void publish(ChatSignal signal) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliver(signal);
        }
      });
    } else {
      deliver(signal);
    }
  }

  void deliver(ChatSignal signal) {
    for (Consumer<ChatSignal> subscriber : subscribers) {
      executor.execute(() -> {
        try {
          subscriber.accept(signal);
        } catch (RuntimeException e) {
          log.warn("A chat subscriber failed on {}: {}", signal, e.toString());
        }
      });
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  @Override
  public void subscribe(Consumer<ChatSignal> subscriber) {
    subscribers.add(subscriber);
  }
}
