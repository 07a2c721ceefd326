package dev.tact.intake;

import dev.tact.timer.Backoff;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.QueueBacklog;
import dev.tact.timer.WorkFailure;
import dev.tact.timer.WorkQueue;
import dev.tact.timer.WorkerSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The inbound log as a work queue: the claim worker takes batches of due items ({@code FOR UPDATE SKIP LOCKED}, so
 * workers on every node share the log without taking an item twice) and this turns them into messages. A failing
 * item is counted while it is still locked, and parked after the last attempt or at once when it is unreadable.
 * Its worker starts and stops with the application ({@link ClaimWorkers}).
 */
@Component
class IntakePipeline implements WorkQueue<InboundItem> {

  private final ItemStore items;
  private final ItemProcessor processor;

  IntakePipeline(ItemStore items, ItemProcessor processor, PipelineSignal signal, IntakeProperties properties,
      ClaimWorkers workers) {
    this.items = items;
    this.processor = processor;
    IntakeProperties.Pipeline settings = properties.pipeline();
    workers.register(this, WorkerSettings.locked("intake-pipeline", settings.enabled(),
        settings.workers(), settings.batchSize(), settings.pollInterval(), settings.maxAttempts(),
        Backoff.doubling(settings.retryBackoff(), settings.retryBackoff().multipliedBy(1L << 16))), signal);
  }

  @Override
  public List<InboundItem> claimDue(Instant now, int limit) {
    return items.claimDue(now, limit);
  }

  @Override
  public void handle(List<InboundItem> batch) {
    processor.processAll(batch);
  }

  @Override
  public Optional<QueueBacklog> backlog(Instant now) {
    return Optional.of(items.backlog(now));
  }

  @Override
  public int failuresSoFar(InboundItem item) {
    return item.attempts();
  }

  @Override
  public boolean parksAtOnce(RuntimeException failure) {
    return failure instanceof UnreadableItemException;
  }

  @Override
  public boolean recordFailure(InboundItem item, WorkFailure failure) {
    items.recordFailure(item.id(), failure.error(), failure.parked(), failure.retryAt());
    return true;
  }
}
