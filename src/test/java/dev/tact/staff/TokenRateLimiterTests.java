package dev.tact.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenRateLimiterTests {

  private final TokenRateLimiter limiter = new TokenRateLimiter();

  @Test
  void shouldRefuseWithTheSecondsToWaitWhenATokenPassesItsBurst() {
    TokenPrincipal token = token(UUID.randomUUID(), new ApiRateLimit(false, 1, 2));

    // a burst of 2 and 1 a second: 50 calls in a row pass only if they take 48 seconds
    long[] waits = IntStream.range(0, 50).mapToLong(i -> limiter.secondsToWait(token)).toArray();

    assertThat(waits[0]).isZero();
    assertThat(waits).contains(1L).containsOnly(0L, 1L);
  }

  @Test
  void shouldNeverRefuseAnUnlimitedTokenAndCountEachTokenApart() {
    TokenPrincipal unlimited = token(UUID.randomUUID(), ApiRateLimit.UNLIMITED);
    TokenPrincipal tight = token(UUID.randomUUID(), new ApiRateLimit(false, 1, 1));

    assertThat(IntStream.range(0, 10_000).mapToLong(i -> limiter.secondsToWait(unlimited)).sum()).isZero();
    assertThat(limiter.secondsToWait(tight)).isZero();
    assertThat(limiter.secondsToWait(token(UUID.randomUUID(), new ApiRateLimit(false, 1, 1)))).isZero();
  }

  @Test
  void shouldApplyAChangedLimitFromTheNextRequest() {
    UUID id = UUID.randomUUID();
    TokenPrincipal strict = token(id, new ApiRateLimit(false, 1, 1));
    long[] waits = IntStream.range(0, 50).mapToLong(i -> limiter.secondsToWait(strict)).toArray();
    assertThat(waits).contains(1L);

    assertThat(limiter.secondsToWait(token(id, ApiRateLimit.of(1000, 1000)))).isZero();
  }

  private static TokenPrincipal token(UUID id, ApiRateLimit limit) {
    return new TokenPrincipal(id, "t", Role.AGENT, Set.of(ApiScope.READ), limit);
  }
}
