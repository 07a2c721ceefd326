package dev.tact.intake;

import dev.tact.shared.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable inbound log with group commit: callers enqueue an item and wait; a writer thread
 * takes everything waiting (up to a batch), inserts it in one transaction, commits, and only
 * then releases the callers. Under load many requests share one commit; with one request the
 * wait is a single insert. A full queue answers 429 at once instead of letting requests pile up.
 */
@Component
class InboundLog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboundLog.class);

  private static final String INSERT = """
      INSERT INTO intake_item (id, channel, external_id, content_type, payload, raw_content, received_at, state,
        attempts, next_attempt_at, message_id, submitted_by, submitted_by_token)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""";

  private record Waiting(NewItem item, CompletableFuture<Void> committed) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final IntakeProperties.Log settings;
  private final PipelineSignal signal;
  private final BlockingQueue<Waiting> queue;
  private final DistributionSummary batchSizes;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> writers = new ArrayList<>();

  InboundLog(JdbcTemplate jdbc, TransactionTemplate transactions, IntakeProperties properties, PipelineSignal signal,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.settings = properties.log();
    this.signal = signal;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.batchSizes = DistributionSummary.builder("tact.intake.log.batch.size")
        .description("Items committed together in one inbound-log transaction").register(meters);
  }

  /** Returns once the item is committed; throws a 429 or 503 problem when it cannot be. */
  void append(NewItem item) {
    if (!running.get()) {
      throw unavailable("Tact is starting or stopping; try again shortly.");
    }
    Waiting waiting = new Waiting(item, new CompletableFuture<>());
    if (!queue.offer(waiting)) {
      throw new ProblemException(429, "intake-overloaded", "Too many requests",
          "The inbound log is saturated; retry after a second.");
    }
    try {
      waiting.committed().get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unavailable("The inbound log could not be written: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      // The item may still be committed later; the caller retries and the external id keeps it single.
      throw unavailable("The inbound log did not commit within " + settings.commitTimeout().toSeconds() + " s.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("Interrupted while waiting for the inbound log.");
    }
  }

  private void writeLoop() {
    List<Waiting> batch = new ArrayList<>(settings.maxBatch());
    while (running.get() || !queue.isEmpty()) {
      try {
        Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, settings.maxBatch() - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Waiting> batch) {
    try {
      transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, w) -> {
        NewItem item = w.item();
        OffsetDateTime received = item.receivedAt().atOffset(ZoneOffset.UTC);
        ps.setObject(1, item.id());
        ps.setString(2, item.channel());
        ps.setString(3, item.externalId());
        ps.setString(4, item.contentType());
        ps.setString(5, item.payload());
        ps.setBytes(6, item.raw());
        ps.setObject(7, received);
        ps.setObject(8, received);
        ps.setObject(9, item.messageId());
        ps.setString(10, item.submittedBy() == null ? null : item.submittedBy().name());
        ps.setObject(11, item.submittedBy() == null ? null : item.submittedBy().tokenId());
      }));
    } catch (RuntimeException e) {
      log.error("Inbound log batch of {} failed; every request in it gets 503", batch.size(), e);
      batch.forEach(w -> w.committed().completeExceptionally(e));
      return;
    }
    batchSizes.record(batch.size());
    batch.forEach(w -> w.committed().complete(null));
    signal.itemsLogged();
  }

  private static ProblemException unavailable(String detail) {
    return new ProblemException(503, "intake-unavailable", "Intake unavailable", detail);
  }

  @Override
  public void start() {
    if (running.compareAndSet(false, true)) {
      for (int i = 0; i < settings.writers(); i++) {
        Thread writer = Thread.ofPlatform().name("inbound-log-writer-" + i).daemon(false).start(this::writeLoop);
        writers.add(writer);
      }
    }
  }

  /** Stops taking items, then writes what is queued so nothing acknowledged-to-be is lost. */
  @Override
  public void stop() {
    running.set(false);
    for (Thread writer : writers) {
      try {
        writer.join(settings.commitTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writers.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 100; // stop after the web server stops sending requests
  }
}
