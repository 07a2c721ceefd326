package dev.tact.shared.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests from the public (a web form, the chat widget, the portal) against a limit per key, usually the client's
 * address: a token bucket per key in this node's memory, so each node limits on its own, as the API's token limits do
 * (ADR 21). Keys idle for long are forgotten once the map grows past {@code maxKeys}, so a flood of addresses cannot
 * grow it without bound.
 */
public final class VisitorRateLimiter {

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final long burst;
  private final long perMinute;
  private final int maxKeys;

  /**
   * @param burst how many requests a key may make at once
   * @param perMinute how many more it may make each minute after that
   * @param maxKeys how many keys are remembered before the map is cleared and starts anew
   */
  public VisitorRateLimiter(long burst, long perMinute, int maxKeys) {
    if (burst < 1 || perMinute < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("burst, perMinute and maxKeys must be positive");
    }
    this.burst = burst;
    this.perMinute = perMinute;
    this.maxKeys = maxKeys;
  }

  /** 0 when a request under {@code key} may go ahead now, else the whole seconds until it may (at least 1). */
  public long secondsToWait(String key) {
    if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
      buckets.clear(); // a flood of distinct keys: forgetting old ones is kinder than refusing new ones
    }
    ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
  }

  private Bucket newBucket() {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(burst)
        .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
  }
}
