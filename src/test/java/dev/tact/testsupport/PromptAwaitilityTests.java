package dev.tact.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every test class waits with {@link PromptAwaitility}'s defaults: registered, it is on for this class too. */
class PromptAwaitilityTests {

  @Test
  void shouldLookAtOnceAndThenMoreAndMoreRarelyUpToEveryHundredMilliseconds() {
    List<Duration> waitedBeforeEachLook = new ArrayList<>();
    AtomicInteger looks = new AtomicInteger();

    await().atMost(Duration.ofSeconds(30)).conditionEvaluationListener(look -> waitedBeforeEachLook.add(
        look.getPollInterval())).until(() -> looks.incrementAndGet() == 8);

    assertThat(waitedBeforeEachLook).containsExactly(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(100), Duration.ofMillis(100),
        Duration.ofMillis(100));
  }
}
