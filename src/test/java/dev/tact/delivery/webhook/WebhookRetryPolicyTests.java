package dev.tact.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebhookRetryPolicyTests {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final WebhookResult SERVER_ERROR = WebhookResult.failed(503, true, Optional.empty(), "HTTP 503");
  final WebhookRetryPolicy policy = new WebhookRetryPolicy(5, Duration.ofSeconds(30), 2, Duration.ofMinutes(3), 0);
  final Random random = new Random(1);

  @Test
  void shouldBackOffExponentiallyUpToTheCap() {
    assertThat(policy.nextAttempt(1, SERVER_ERROR, NOW, random)).contains(NOW.plusSeconds(30));
    assertThat(policy.nextAttempt(2, SERVER_ERROR, NOW, random)).contains(NOW.plusSeconds(60));
    assertThat(policy.nextAttempt(3, SERVER_ERROR, NOW, random)).contains(NOW.plusSeconds(120));
    assertThat(policy.nextAttempt(4, SERVER_ERROR, NOW, random)).contains(NOW.plusSeconds(180));
  }

  @Test
  void shouldStopAfterTheLastAttemptAndAfterPermanentFailuresOrSuccess() {
    assertThat(policy.nextAttempt(5, SERVER_ERROR, NOW, random)).isEmpty();
    assertThat(policy.nextAttempt(1, WebhookResult.failed(400, false, Optional.empty(), "HTTP 400"), NOW, random))
        .isEmpty();
    assertThat(policy.nextAttempt(1, WebhookResult.delivered(200), NOW, random)).isEmpty();
  }

  @Test
  void shouldWaitAtLeastAsLongAsTheReceiverAsked() {
    var throttled = WebhookResult.failed(429, true, Optional.of(Duration.ofSeconds(300)), "HTTP 429");

    assertThat(policy.nextAttempt(1, throttled, NOW, random)).contains(NOW.plusSeconds(300));
  }

  @Test
  void shouldTakeAtMostTheJitterFractionOffEachWait() {
    var jittered = new WebhookRetryPolicy(10, Duration.ofSeconds(100), 2, Duration.ofHours(1), 0.2);
    for (int i = 0; i < 200; i++) {
      Duration wait = Duration.between(NOW, jittered.nextAttempt(1, SERVER_ERROR, NOW, random).orElseThrow());
      assertThat(wait).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(100));
    }
  }

  @Test
  void shouldRejectPoliciesThatCannotWork() {
    assertThatThrownBy(() -> new WebhookRetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookRetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofSeconds(2), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookRetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
