package dev.tact.timer;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt: {@code base × 2^(attempt − 1)}, at most {@code max}, optionally spread by
 * ±{@code jitter} (a fraction, e.g. 0.2) so that work that failed together does not come back together.
 */
public record Backoff(Duration base, Duration max, double jitter, RandomGenerator random) {

  public Backoff {
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("a back-off needs a base of at least 0 and a max of at least the base");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter is a fraction below 1: " + jitter);
    }
  }

  /** Doubling from {@code base}, capped at {@code max}, without jitter. */
  public static Backoff doubling(Duration base, Duration max) {
    return new Backoff(base, max, 0, RandomGenerator.getDefault());
  }

  /** The wait after the {@code attempt}-th failed attempt (1 for the first). */
  public Duration after(int attempt) {
    Duration wait = base;
    for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    if (jitter == 0) {
      return wait;
    }
    double spread = 1 - jitter + 2 * jitter * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * spread)));
  }
}
