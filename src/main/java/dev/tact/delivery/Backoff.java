package dev.tact.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt: {@code base × 2^(attempt − 1)}, at most {@code max}, spread by
 * ±20 % so that mail that failed together does not come back together.
 */
record Backoff(Duration base, Duration max, RandomGenerator random) {

  /** The wait after the {@code attempt}-th failed attempt (1 for the first). */
  Duration after(int attempt) {
    long maxMillis = Math.max(1, max.toMillis());
    long millis = Math.max(1, base.toMillis());
    for (int i = 1; i < attempt && millis < maxMillis; i++) {
      millis *= 2;
    }
    millis = Math.min(millis, maxMillis);
    double jitter = 0.8 + 0.4 * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(millis * jitter)));
  }
}
