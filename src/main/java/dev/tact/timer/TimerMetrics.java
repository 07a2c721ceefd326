package dev.tact.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Timers fired, failed and parked (counters by kind), how late they fired (a timer by kind), and, read from the
 * table at scrape time, how many wait, how many are parked and how overdue the earliest waiting one is.
 */
@Component
class TimerMetrics {

  private final MeterRegistry registry;

  TimerMetrics(MeterRegistry registry, TimerStore store, Clock clock) {
    this.registry = registry;
    Gauge.builder("tact.timers.waiting", store, TimerStore::countWaiting)
        .description("Deprecated, see tact.worker.backlog.waiting{queue=timers}: timers waiting to fire").register(registry);
    Gauge.builder("tact.timers.parked", store, TimerStore::countParked)
        .description("Deprecated, see tact.worker.backlog.parked{queue=timers}: timers that failed max-attempts times and wait for a new schedule or a cancel")
        .register(registry);
    Gauge.builder("tact.timers.overdue", store, s -> s.earliestWaiting()
            .map(next -> Math.max(0, Duration.between(next, clock.instant()).toMillis()) / 1000.0).orElse(0.0))
        .description("Deprecated, see tact.worker.backlog.lag{queue=timers}: seconds since the earliest waiting timer was due (0 when none is overdue)")
        .baseUnit("seconds").register(registry);
  }

  void fired(FiredTimer timer) {
    Counter.builder("tact.timers.fired").description("Timers fired").tag("kind", timer.kind())
        .register(registry).increment();
    Duration lag = Duration.between(timer.dueAt(), timer.firedAt());
    io.micrometer.core.instrument.Timer.builder("tact.timers.lag")
        .description("Time from when a timer was due to when it fired, retries included").tag("kind", timer.kind())
        .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
  }

  void failed(String kind, boolean parked) {
    Counter.builder("tact.timers.failures").description("Failed firings (each rolled back)")
        .tag("kind", kind).register(registry).increment();
    if (parked) {
      Counter.builder("tact.timers.parkings").description("Timers parked after their last attempt")
          .tag("kind", kind).register(registry).increment();
    }
  }
}
