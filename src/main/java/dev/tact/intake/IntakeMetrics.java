package dev.tact.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Deprecated gauges (README, Operations) read from the log at scrape time: items waiting, parked, and how far behind the pipeline is. */
@Component
class IntakeMetrics implements MeterBinder {

  private final ItemStore items;
  private final Clock clock;

  IntakeMetrics(ItemStore items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("tact.intake.pending", items, s -> s.count(ItemState.PENDING))
        .description("Deprecated, see tact.worker.backlog.waiting{queue=intake-pipeline}: inbound items logged but not yet turned into messages").register(registry);
    Gauge.builder("tact.intake.parked", items, s -> s.count(ItemState.PARKED))
        .description("Deprecated, see tact.worker.backlog.parked{queue=intake-pipeline}: inbound items that failed and wait for an admin").register(registry);
    Gauge.builder("tact.intake.pipeline.lag", items,
            s -> s.oldestPending().map(t -> Duration.between(t, clock.instant()).toMillis() / 1000.0).orElse(0.0))
        .description("Deprecated, see tact.worker.backlog.lag{queue=intake-pipeline}: age in seconds of the oldest item waiting for the pipeline").baseUnit("seconds")
        .register(registry);
  }
}
