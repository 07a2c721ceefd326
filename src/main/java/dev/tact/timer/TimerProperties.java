package dev.tact.timer;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the durable timers ({@code tact.timers.*}; read from the earlier {@code tact.sla.timers.*} when
 * none of the new names is set, see {@link TimerSettings}).
 *
 * @param enabled whether this node fires timers (every node may schedule them)
 * @param workers threads firing timers on this node
 * @param batchSize most due timers a worker fires in one transaction (after a failure: one at a time, each in a
 *     savepoint)
 * @param pollInterval the longest an idle worker waits before it looks for due timers again
 * @param maxAttempts failed firings after which a timer is parked
 * @param retryBackoff delay before the first retry; doubles with each failure
 * @param maxBackoff the longest delay between two attempts
 */
public record TimerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int workers,
    @DefaultValue("20") int batchSize, @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("10") int maxAttempts, @DefaultValue("5s") Duration retryBackoff,
    @DefaultValue("1h") Duration maxBackoff) {

  public TimerProperties {
    if (workers < 1 || batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("tact.timers.workers, batch-size and max-attempts must be at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || retryBackoff.isNegative()
        || maxBackoff.compareTo(retryBackoff) < 0) {
      throw new IllegalArgumentException(
          "tact.timers.poll-interval must be positive and max-backoff at least retry-backoff");
    }
  }

  /** retry-backoff doubled per failure, capped at max-backoff. */
  Backoff backoff() {
    return Backoff.doubling(retryBackoff, maxBackoff);
  }

  /** The delay after the {@code failures}-th failed attempt. */
  Duration backoffAfter(int failures) {
    return backoff().after(failures);
  }
}
