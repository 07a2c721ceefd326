package dev.tact.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers that turn logged items into messages. Each claims one due item with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of workers on any number of nodes share the
 * log without taking the same item twice. A failure rolls the step back to a savepoint and is
 * counted on the item while it is still locked, so no other worker sees it in between; after
 * the last attempt, or at once when the item is unreadable, the item is parked.
 */
@Component
class IntakePipeline implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IntakePipeline.class);

  private final ItemStore items;
  private final ItemProcessor processor;
  private final TransactionTemplate transactions;
  private final TransactionTemplate step;
  private final PipelineSignal signal;
  private final IntakeProperties.Pipeline settings;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();

  IntakePipeline(ItemStore items, ItemProcessor processor, PlatformTransactionManager transactionManager,
      PipelineSignal signal, IntakeProperties properties, Clock clock) {
    this.items = items;
    this.processor = processor;
    this.transactions = new TransactionTemplate(transactionManager);
    this.step = new TransactionTemplate(transactionManager);
    this.step.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.signal = signal;
    this.settings = properties.pipeline();
    this.clock = clock;
  }

  /** Processes one due item if there is one; false when nothing was due. */
  boolean processNext() {
    // An exception from here means the claim or the failure record failed: the database is unwell,
    // the item stays pending, and the loop backs off.
    return Boolean.TRUE.equals(transactions.execute(status -> {
      Optional<InboundItem> next = items.claimNextDue(clock.instant());
      next.ifPresent(item -> {
        try {
          step.executeWithoutResult(savepoint -> processor.process(item));
        } catch (RuntimeException e) {
          recordFailure(item, e);
        }
      });
      return next.isPresent();
    }));
  }

  private void recordFailure(InboundItem item, RuntimeException e) {
    int attempt = item.attempts() + 1;
    boolean park = e instanceof UnreadableItemException || attempt >= settings.maxAttempts();
    Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
    Instant next = clock.instant().plus(backoff);
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    items.recordFailure(item.id(), error, park, next);
    if (park) {
      log.warn("Inbound item {} parked after {} attempt(s): {}", item.id(), attempt, error);
    } else {
      log.info("Inbound item {} failed attempt {}, retrying at {}: {}", item.id(), attempt, next, error);
    }
  }

  private void workLoop() {
    while (running.get()) {
      long seen = signal.generation();
      try {
        if (!processNext()) {
          signal.awaitAfter(seen, settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Intake pipeline could not claim items; backing off", e);
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    if (settings.enabled() && running.compareAndSet(false, true)) {
      for (int i = 0; i < settings.workers(); i++) {
        workers.add(Thread.ofPlatform().name("intake-pipeline-" + i).start(this::workLoop));
      }
    }
  }

  @Override
  public void stop() {
    running.set(false);
    signal.itemsLogged(); // wake idle workers so they see the stop
    for (Thread worker : workers) {
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200;
  }
}
