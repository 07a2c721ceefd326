package dev.tact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VisitorRateLimiterTests {

  @Test
  void aKeyGetsItsBurstThenWaits() {
    VisitorRateLimiter limiter = new VisitorRateLimiter(3, 6, 100);
    assertThat(limiter.secondsToWait("198.51.100.7")).isZero();
    assertThat(limiter.secondsToWait("198.51.100.7")).isZero();
    assertThat(limiter.secondsToWait("198.51.100.7")).isZero();
    // six a minute: the next token comes within ten seconds
    assertThat(limiter.secondsToWait("198.51.100.7")).isBetween(1L, 10L);
  }

  @Test
  void keysAreLimitedApart() {
    VisitorRateLimiter limiter = new VisitorRateLimiter(1, 1, 100);
    assertThat(limiter.secondsToWait("a")).isZero();
    assertThat(limiter.secondsToWait("a")).isPositive();
    assertThat(limiter.secondsToWait("b")).isZero();
  }

  @Test
  void aFloodOfKeysDoesNotGrowWithoutBound() {
    VisitorRateLimiter limiter = new VisitorRateLimiter(1, 1, 2);
    assertThat(limiter.secondsToWait("a")).isZero();
    assertThat(limiter.secondsToWait("b")).isZero();
    assertThat(limiter.secondsToWait("c")).isZero(); // the map was full: it starts anew
    assertThat(limiter.secondsToWait("a")).isZero();
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new VisitorRateLimiter(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
