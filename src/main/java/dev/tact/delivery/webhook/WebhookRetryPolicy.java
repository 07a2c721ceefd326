package dev.tact.delivery.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a webhook again: exponential back-off with a cap and some jitter, never sooner than
 * the receiver's Retry-After, and not at all after a permanent failure or the last attempt.
 */
public record WebhookRetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
    double jitter) {

  public WebhookRetryPolicy {
    if (maxAttempts < 1 || initialBackoff.isNegative() || multiplier < 1 || maxBackoff.compareTo(initialBackoff) < 0
        || jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("Invalid webhook retry policy: at least one attempt, multiplier ≥ 1, "
          + "max-backoff ≥ initial-backoff, jitter within 0..1");
    }
  }

  /**
   * The instant of the next attempt after {@code attemptsMade} attempts ended with {@code result},
   * or empty when there is none (delivered, permanent failure, or attempts used up).
   */
  public Optional<Instant> nextAttempt(int attemptsMade, WebhookResult result, Instant now, RandomGenerator random) {
    if (result.delivered() || !result.retryable() || attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    Duration wait = backoff(attemptsMade, random);
    Duration asked = result.retryAfter().orElse(Duration.ZERO);
    return Optional.of(now.plus(asked.compareTo(wait) > 0 ? asked : wait));
  }

  /** The wait after attempt {@code attemptsMade} (1 = after the first). */
  Duration backoff(int attemptsMade, RandomGenerator random) {
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
    double capped = Math.min(nanos, maxBackoff.toNanos());
    double jittered = capped * (1 - jitter * random.nextDouble());
    return Duration.ofNanos(Math.round(jittered));
  }
}
