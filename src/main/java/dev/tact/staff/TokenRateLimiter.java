package dev.tact.staff;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each token's requests against its rate limit, in a Bucket4j token bucket per token id in this node's memory:
 * one map lookup and one compare-and-set per request, no database, no lock. Each node limits on its own (ADR 21).
 * A changed limit replaces the token's bucket on its next request. One for the node: the API's security chain and
 * the intake's short way for single messages (ADR 0053) draw on the same buckets.
 */
@Component
public final class TokenRateLimiter {

  /** A request attribute: the id of the token this request was already counted for (once a request, however it goes). */
  public static final String COUNTED = TokenRateLimiter.class.getName() + ".counted";

  private record Limited(ApiRateLimit limit, Bucket bucket) {}

  private final Map<UUID, Limited> buckets = new ConcurrentHashMap<>();

  /** 0 when the request may go ahead, else the whole seconds until it may be tried again (at least 1). */
  public long secondsToWait(TokenPrincipal token) {
    ApiRateLimit limit = token.rateLimit();
    if (limit == null || limit.unlimited()) {
      return 0;
    }
    Limited limited = buckets.get(token.tokenId());
    if (limited == null || !limited.limit().equals(limit)) {
      limited = buckets.compute(token.tokenId(), (id, old) -> old != null && old.limit().equals(limit) ? old
          : new Limited(limit, bucket(limit)));
    }
    ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    long nanos = probe.getNanosToWaitForRefill();
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private static Bucket bucket(ApiRateLimit limit) {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.burst())
        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build()).build();
  }

  /** What a 429 rate-limited says (Problem Details' detail). */
  public static String refusal(TokenPrincipal token, long wait) {
    return "Token '" + token.name() + "' may make " + token.rateLimit().describe() + "; try again in " + wait + " s.";
  }
}
