package dev.tact.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** {@code tact.worker.*}, tagged by queue: items claimed, done, failed and parked, and how long a batch took. */
final class WorkerMetrics {

  private final Counter claimed;
  private final Counter done;
  private final Counter failed;
  private final Counter parked;
  private final Timer batch;

  WorkerMetrics(MeterRegistry registry, String queue) {
    claimed = Counter.builder("tact.worker.claimed").description("Items claimed by a worker").tag("queue", queue)
        .register(registry);
    done = Counter.builder("tact.worker.done").description("Claimed items worked without failing")
        .tag("queue", queue).register(registry);
    failed = Counter.builder("tact.worker.failed").description("Failed attempts (each rolled back)")
        .tag("queue", queue).register(registry);
    parked = Counter.builder("tact.worker.parked").description("Items parked after their last attempt")
        .tag("queue", queue).register(registry);
    batch = Timer.builder("tact.worker.batch").description("Time to claim and work one batch")
        .tag("queue", queue).register(registry);
  }

  void record(int claimedItems, int doneItems, int failedItems, int parkedItems, Duration took) {
    claimed.increment(claimedItems);
    done.increment(doneItems);
    failed.increment(failedItems);
    parked.increment(parkedItems);
    batch.record(took);
  }
}
