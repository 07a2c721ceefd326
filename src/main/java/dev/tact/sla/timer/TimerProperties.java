package dev.tact.sla.timer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the durable timers ({@code tact.sla.timers.*}).
 *
 * @param enabled whether this node fires timers (every node may schedule them)
 * @param workers threads firing timers on this node
 * @param batchSize most due timers a worker fires in one transaction (after a failure: one per transaction)
 * @param pollInterval the longest an idle worker waits before it looks for due timers again
 * @param maxAttempts failed firings after which a timer is parked
 * @param retryBackoff delay before the first retry; doubles with each failure
 * @param maxBackoff the longest delay between two attempts
 */
@ConfigurationProperties("tact.sla.timers")
public record TimerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int workers,
    @DefaultValue("20") int batchSize, @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("10") int maxAttempts, @DefaultValue("5s") Duration retryBackoff,
    @DefaultValue("1h") Duration maxBackoff) {

  public TimerProperties {
    if (workers < 1 || batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("tact.sla.timers.workers, batch-size and max-attempts must be at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || retryBackoff.isNegative()
        || maxBackoff.compareTo(retryBackoff) < 0) {
      throw new IllegalArgumentException(
          "tact.sla.timers.poll-interval must be positive and max-backoff at least retry-backoff");
    }
  }

  /** The delay after the {@code failures}-th failed attempt: retry-backoff doubled per failure, capped. */
  Duration backoffAfter(int failures) {
    Duration delay = retryBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
    return delay.compareTo(maxBackoff) > 0 || delay.isNegative() ? maxBackoff : delay;
  }
}
