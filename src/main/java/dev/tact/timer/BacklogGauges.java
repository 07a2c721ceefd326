package dev.tact.timer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code tact.worker.backlog.waiting}, {@code tact.worker.backlog.lag} and {@code tact.worker.backlog.parked}, tagged by queue, read from the
 * queue's table at scrape time. One read serves the three gauges of a scrape: it is kept for a second.
 */
final class BacklogGauges {

  private static final Duration KEPT = Duration.ofSeconds(1);

  private final Supplier<Optional<QueueBacklog>> read;
  private final Clock clock;
  private Optional<QueueBacklog> last = Optional.empty();
  private Instant readAt = Instant.MIN;

  private BacklogGauges(Supplier<Optional<QueueBacklog>> read, Clock clock) {
    this.read = read;
    this.clock = clock;
  }

  static void register(MeterRegistry registry, String queue, Supplier<Optional<QueueBacklog>> read, Clock clock) {
    BacklogGauges gauges = new BacklogGauges(read, clock);
    Gauge.builder("tact.worker.backlog.waiting", gauges, g -> g.current().map(b -> (double) b.waiting()).orElse(Double.NaN))
        .description("Items due and not yet worked, across nodes").tag("queue", queue).register(registry);
    Gauge.builder("tact.worker.backlog.lag", gauges,
            g -> g.current().filter(QueueBacklog::knowsLag).map(b -> b.lag(g.clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN))
        .description("How long the oldest waiting item has waited").baseUnit("seconds").tag("queue", queue)
        .register(registry);
    Gauge.builder("tact.worker.backlog.parked", gauges,
            g -> g.current().flatMap(b -> b.parked().isPresent()
                ? Optional.of((double) b.parked().getAsLong()) : Optional.empty()).orElse(Double.NaN))
        .description("Items given up on that wait for an admin").tag("queue", queue).register(registry);
  }

  private synchronized Optional<QueueBacklog> current() {
    Instant now = clock.instant();
    if (readAt.plus(KEPT).isBefore(now) || readAt.isAfter(now)) {
      try {
        last = read.get();
      } catch (RuntimeException unreadable) { // a scrape while the database is away shows no value, not an error
        last = Optional.empty();
      }
      readAt = now;
    }
    return last;
  }
}
