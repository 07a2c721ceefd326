package dev.tact.delivery.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket kept as the generic cell rate algorithm: one "theoretical arrival time" instead of
 * a token count, which makes the answer to "when may the next send leave?" a subtraction. Not
 * thread-safe: {@link DomainPacer} guards it.
 */
final class TokenBucket {

  private final long intervalNanos;
  private final long toleranceNanos;
  private Instant theoreticalArrival;

  TokenBucket(double ratePerSecond, int burst, Instant now) {
    this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / ratePerSecond));
    this.toleranceNanos = intervalNanos * (burst - 1L);
    this.theoreticalArrival = now;
  }

  /** The earliest instant at or after {@code now} at which a send conforms. */
  Instant earliest(Instant now) {
    Instant allowed = theoreticalArrival.minusNanos(toleranceNanos);
    return allowed.isAfter(now) ? allowed : now;
  }

  /** Spends one token at {@code at}, which must be at or after {@link #earliest}. */
  void take(Instant at) {
    Instant base = theoreticalArrival.isAfter(at) ? theoreticalArrival : at;
    theoreticalArrival = base.plusNanos(intervalNanos);
  }

  /** True when the bucket is full again at {@code now}, so forgetting it changes nothing. */
  boolean idle(Instant now) {
    return !theoreticalArrival.isAfter(now);
  }

  Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }
}
