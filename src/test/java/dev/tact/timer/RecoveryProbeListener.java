package dev.tact.timer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An after-commit listener of {@link RecoveryProbe}s whose publications Spring Modulith stores, as every module
 * listener's: it records each run of a key in memory ({@link #runs}, shared by every node of the test JVM) with its
 * node's {@code tact.test.node}. Not a component: tests add it as a source, TactNode with {@code
 * --spring.main.sources}. Asynchronous without a transaction of its own, so a run held by {@link #hold} holds no
 * connection.
 */
public class RecoveryProbeListener {

  /** The id Spring Modulith stores with this listener's publications. */
  public static final String LISTENER_ID = RecoveryProbeListener.class.getName() + ".on("
      + RecoveryProbe.class.getName() + ")";

  private static final Map<String, List<String>> RUNS = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();

  private final String node;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  public RecoveryProbeListener(Environment environment, ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager) {
    this.node = environment.getProperty("tact.test.node", "test");
    this.events = events;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The nodes that ran {@code key}, in order. */
  public static List<String> runs(String key) {
    return List.copyOf(RUNS.getOrDefault(key, List.of()));
  }

  /** The first run of {@code key} will wait (at most five minutes) until {@link #release}. */
  public static void hold(String key) {
    HELD.put(key, new CountDownLatch(1));
  }

  public static void release(String key) {
    CountDownLatch held = HELD.remove(key);
    if (held != null) {
      held.countDown();
    }
  }

  /** Publishes the probe in a transaction of this node, as a module publishes its events. */
  public void publish(RecoveryProbe probe) {
    transaction.executeWithoutResult(status -> events.publishEvent(probe));
  }

  @Async
  @TransactionalEventListener
  void on(RecoveryProbe probe) {
    List<String> runs = RUNS.computeIfAbsent(probe.key(), k -> new CopyOnWriteArrayList<>());
    runs.add(node);
    CountDownLatch held = HELD.get(probe.key());
    if (held != null && runs.size() == 1) {
      awaitIgnoringInterrupts(held);
    }
    if (runs.size() <= probe.failures()) {
      throw new IllegalStateException("probe " + probe.key() + " fails its run " + runs.size());
    }
  }

  /**
   * As a process that dies mid-run: stopping the node (which interrupts its listener threads) neither ends the run
   * nor records it failed.
   */
  private static void awaitIgnoringInterrupts(CountDownLatch held) {
    long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (held.getCount() > 0 && System.nanoTime() < until) {
      try {
        held.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException stopping) {
        // go on waiting
      }
    }
  }
}
