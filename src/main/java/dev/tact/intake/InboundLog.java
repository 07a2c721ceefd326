package dev.tact.intake;

import dev.tact.shared.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable inbound log with group commit: callers enqueue an item and wait; a writer thread
 * takes everything waiting (up to a batch), inserts it in one transaction, commits, and only
 * then releases the callers. Under load many requests share one commit; with one request the
 * wait is a single insert. A full queue answers 429 at once instead of letting requests pile up.
 *
 * <p>The writer also decides redeliveries, once per batch instead of once per request: an item whose external id is
 * already in the log (or earlier in the same batch) takes the message id of the first item with it and is marked a
 * redelivery. With one writer (the default) this is free of races: two requests with the same external id, however
 * close, share one message id. The pipeline still decides redeliveries finally when it files (the conversation
 * module), so a second writer or node only loses the early answer, never a message's uniqueness.
 *
 * <p>A request whose items the writer has not taken within {@code tact.intake.admission.queue-wait} gets 429 and
 * none of them is written: the request and the writer each try to claim the queued entry, and only one can (ADR
 * 0051). Once the writer has it, the request waits for the commit, so a 429 never stands for something committed.
 */
@Component
class InboundLog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboundLog.class);

  private static final String INSERT = """
      INSERT INTO intake_item (id, channel, external_id, content_type, payload, raw_content, received_at, state,
        attempts, next_attempt_at, message_id, submitted_by, submitted_by_token)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""";

  /** For each external id, the message id of the first item logged with it (null if none). */
  private static final String FIRST_MESSAGE_IDS = """
      SELECT x.external_id, (SELECT i.message_id FROM intake_item i
                              WHERE i.channel = ? AND i.external_id = x.external_id
                              ORDER BY i.received_at, i.id LIMIT 1)
        FROM UNNEST(?) AS x(external_id)""";

  /** What the log answers for a committed item: the message it is (or will be), and whether it repeats one. */
  record Logged(UUID itemId, UUID messageId, boolean redelivery) {}

  /** One request's items, committed together (in the same transaction) and answered together. */
  private record Waiting(List<NewItem> items, CompletableFuture<List<Logged>> committed, AtomicBoolean claimed) {

    /** True for the first to ask only: the writer (to write it) or the request (to give up on it). */
    boolean claim() {
      return claimed.compareAndSet(false, true);
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final IntakeProperties.Log settings;
  private final long queueWaitNanos;
  private final Counter refusedQueueFull;
  private final Counter refusedQueueWait;
  private final PipelineSignal signal;
  private final BlockingQueue<Waiting> queue;
  private final DistributionSummary batchSizes;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> writers = new ArrayList<>();

  InboundLog(JdbcTemplate jdbc, TransactionTemplate transactions, IntakeProperties properties,
      IntakeAdmissionProperties admission, PipelineSignal signal, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.settings = properties.log();
    this.queueWaitNanos = admission.queueWait().toNanos();
    this.refusedQueueFull = IntakeRefusals.counter(meters, "queue-full");
    this.refusedQueueWait = IntakeRefusals.counter(meters, "queue-wait");
    this.signal = signal;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.batchSizes = DistributionSummary.builder("tact.intake.log.batch.size")
        .description("Items committed together in one inbound-log transaction").register(meters);
  }

  /** Returns once the item is committed; throws a 429 or 503 problem when it cannot be. */
  Logged append(NewItem item) {
    return appendAll(List.of(item)).getFirst();
  }

  /**
   * Returns once every item is committed, in one transaction (all or none), answers in the items' order; throws a
   * 429 or 503 problem when they cannot be.
   */
  List<Logged> appendAll(List<NewItem> items) {
    if (!running.get()) {
      throw unavailable("Tact is starting or stopping; try again shortly.");
    }
    Waiting waiting = new Waiting(List.copyOf(items), new CompletableFuture<>(), new AtomicBoolean());
    if (!queue.offer(waiting)) {
      refusedQueueFull.increment();
      throw overloaded("The inbound log is saturated; retry after a second.");
    }
    try {
      try {
        return waiting.committed().get(queueWaitNanos, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (waiting.claim()) {
          refusedQueueWait.increment();
          throw overloaded("The inbound log is behind; nothing of this request was stored. Retry after a second.");
        }
      }
      return waiting.committed().get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
        if (first == null || !first.claim()) {
          continue;
        }
        batch.add(first);
        int items = first.items().size();
        Waiting next;
        while (items < settings.maxBatch() && (next = queue.poll()) != null) {
          if (next.claim()) {
            batch.add(next);
            items += next.items().size();
          }
        }
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
    List<List<Logged>> answers = new ArrayList<>(batch.size());
    int count;
    try {
      count = transactions.execute(status -> {
        List<NewItem> rows = new ArrayList<>();
        batch.forEach(w -> rows.addAll(w.items()));
        Map<String, UUID> firsts = earlierMessageIds(rows);
        List<NewItem> resolved = new ArrayList<>(rows.size());
        for (Waiting w : batch) {
          List<Logged> logged = new ArrayList<>(w.items().size());
          for (NewItem item : w.items()) {
            UUID earlier = item.externalId() == null ? null : firsts.putIfAbsent(key(item), item.messageId());
            NewItem row = earlier == null ? item : item.withMessageId(earlier);
            resolved.add(row);
            logged.add(new Logged(row.id(), row.messageId(), earlier != null));
          }
          answers.add(logged);
        }
        jdbc.batchUpdate(INSERT, resolved, resolved.size(), (ps, item) -> {
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
        });
        return resolved.size();
      });
    } catch (RuntimeException e) {
      log.error("Inbound log batch of {} requests failed; every request in it gets 503", batch.size(), e);
      batch.forEach(w -> w.committed().completeExceptionally(e));
      return;
    }
    batchSizes.record(count);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).committed().complete(answers.get(i));
    }
    signal.itemsLogged();
  }

  /**
   * The message id of the first logged item for each (channel, external id) among these items', one query per
   * channel. Each id is looked up on its own in the (channel, external id) index, whatever the planner believes about
   * the table: a plain {@code external_id IN (...)} was planned as a scan of the whole channel on a young, growing,
   * not yet analysed table (PostgreSQL's generic plan; H2 uses an index only for an IN on its first column), so a
   * batch's wait grew with the log (notes-batch20).
   */
  private Map<String, UUID> earlierMessageIds(List<NewItem> rows) {
    Map<String, java.util.Set<String>> byChannel = new HashMap<>();
    for (NewItem item : rows) {
      if (item.externalId() != null) {
        byChannel.computeIfAbsent(item.channel(), c -> new java.util.LinkedHashSet<>()).add(item.externalId());
      }
    }
    Map<String, UUID> firsts = new HashMap<>();
    byChannel.forEach((channel, externalIds) -> jdbc.query(FIRST_MESSAGE_IDS, ps -> {
      ps.setString(1, channel);
      ps.setArray(2, ps.getConnection().createArrayOf("varchar", externalIds.toArray()));
    }, (RowCallbackHandler) rs -> {
      UUID first = rs.getObject(2, UUID.class);
      if (first != null) {
        firsts.put(channel + '\n' + rs.getString(1), first);
      }
    }));
    return firsts;
  }

  private static String key(NewItem item) {
    return item.channel() + '\n' + item.externalId();
  }

  private static ProblemException overloaded(String detail) {
    return new ProblemException(429, "intake-overloaded", "Too many requests", detail);
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
