package dev.tact.timer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one claim worker: a module registers its {@link WorkQueue} here, and this node's worker threads for it
 * start with the application and stop with it, each finishing the batch it is working. Threads are virtual when
 * {@code tact.workers.virtual-threads} is true, platform threads otherwise.
 */
@Component
public class ClaimWorkers implements SmartLifecycle {

  private final PlatformTransactionManager transactionManager;
  private final MeterRegistry meters;
  private final Clock clock;
  private final boolean virtualThreads;
  private final List<ClaimWorker<?>> workers = new CopyOnWriteArrayList<>();
  private volatile boolean running;

  ClaimWorkers(PlatformTransactionManager transactionManager, MeterRegistry meters, Clock clock,
      @Value("${tact.workers.virtual-threads:false}") boolean virtualThreads) {
    this.transactionManager = transactionManager;
    this.meters = meters;
    this.clock = clock;
    this.virtualThreads = virtualThreads;
  }

  /**
   * Registers a queue: its threads start with the application (at once if it runs already), woken early by
   * {@code wakeUp}. Answers its worker, which can also be run by hand.
   */
  public synchronized <T> Worker register(WorkQueue<T> queue, WorkerSettings settings, WakeUp wakeUp) {
    if (workers.stream().anyMatch(w -> w.queueName().equals(settings.queue()))) {
      throw new IllegalStateException("Two work queues named " + settings.queue());
    }
    ClaimWorker<T> worker = new ClaimWorker<>(queue, settings, wakeUp, new TransactionTemplate(transactionManager),
        new WorkerMetrics(meters, settings.queue()), clock, virtualThreads);
    workers.add(worker);
    BacklogGauges.register(meters, settings.queue(), () -> queue.backlog(clock.instant()), clock);
    if (running) {
      worker.start();
    }
    return worker;
  }

  /** Every registered queue, by name: its backlog (read now, one query a queue) and this node's recent work. */
  public List<QueueStatus> statuses() {
    return workers.stream().sorted(java.util.Comparator.comparing(ClaimWorker::queueName))
        .map(ClaimWorker::status).toList();
  }

  @Override
  public synchronized void start() {
    running = true;
    workers.forEach(ClaimWorker::start);
  }

  /** Asks every worker to stop, then waits for each to finish its batch (its transaction commits or rolls back). */
  @Override
  public synchronized void stop() {
    running = false;
    workers.forEach(ClaimWorker::signalStop);
    workers.forEach(ClaimWorker::awaitStopped);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200;
  }
}
