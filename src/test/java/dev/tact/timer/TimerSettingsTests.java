package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TimerSettingsTests {

  final TimerSettings settings = new TimerSettings();

  @Test
  void shouldReadTheNewNames() {
    MockEnvironment environment = new MockEnvironment().withProperty("tact.timers.poll-interval", "50ms")
        .withProperty("tact.sla.timers.workers", "7");

    TimerProperties properties = settings.timerProperties(environment);

    assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(properties.workers()).as("the earlier names are ignored once a new one is set").isEqualTo(2);
  }

  @Test
  void shouldReadTheEarlierNamesWhenNoNewOneIsSet() {
    MockEnvironment environment = new MockEnvironment().withProperty("tact.sla.timers.enabled", "false")
        .withProperty("tact.sla.timers.max-attempts", "3");

    TimerProperties properties = settings.timerProperties(environment);

    assertThat(properties.enabled()).isFalse();
    assertThat(properties.maxAttempts()).isEqualTo(3);
  }

  @Test
  void shouldUseTheDefaultsWhenNothingIsSet() {
    assertThat(settings.timerProperties(new MockEnvironment()))
        .isEqualTo(new TimerProperties(true, 2, 20, Duration.ofSeconds(1), 10, Duration.ofSeconds(5),
            Duration.ofHours(1)));
  }
}
