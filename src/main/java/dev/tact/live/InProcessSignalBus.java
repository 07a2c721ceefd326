package dev.tact.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One node's bus (H2), and every node's delivery to its own subscribers: after the publisher's commit. */
class InProcessSignalBus implements SignalBus, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InProcessSignalBus.class);

  private record Subscription<T>(String topic, Class<T> type, SignalListener<T> listener) {

    void deliver(Object signal, JsonMapper json) {
      T value = signal instanceof JsonNode node && !type.isInstance(node) ? json.treeToValue(node, type)
          : type.cast(signal);
      listener.signal(value);
    }
  }

  private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
  private final ExecutorService executor;
  private final JsonMapper json;

  InProcessSignalBus(ExecutorService executor, JsonMapper json) {
    this.executor = executor;
    this.json = json;
  }

  @Override
  public void publish(String topic, Object signal) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // afterCompletion, not afterCommit: Spring still calls it for what an after-commit listener registers
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status == STATUS_COMMITTED) {
            deliver(topic, signal);
          }
        }
      });
    } else {
      deliver(topic, signal);
    }
  }

  @Override
  public <T> void subscribe(String topic, Class<T> type, SignalListener<T> listener) {
    subscriptions.add(new Subscription<>(topic, type, listener));
  }

  /** Hands a signal (the published object, or its JSON as heard from another node) to the topic's subscribers. */
  void deliver(String topic, Object signal) {
    for (Subscription<?> subscription : subscriptions) {
      if (subscription.topic().equals(topic)) {
        run(() -> subscription.deliver(signal, json), topic);
      }
    }
  }

  /** Tells every subscriber that signals may have been missed. */
  void missed() {
    for (Subscription<?> subscription : subscriptions) {
      run(() -> subscription.listener().missed(), subscription.topic());
    }
  }

  private void run(Runnable task, String topic) {
    executor.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("A subscriber of {} failed: {}", topic, e.toString());
      }
    });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
