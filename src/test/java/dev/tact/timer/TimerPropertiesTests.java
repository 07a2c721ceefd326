package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerPropertiesTests {

  final TimerProperties properties = new TimerProperties(true, 2, 20, Duration.ofSeconds(1), 10,
      Duration.ofSeconds(5), Duration.ofMinutes(1));

  @Test
  void shouldDoubleBackoffPerFailureUpToTheCap() {
    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldRefuseSettingsThatCannotWork() {
    assertThatThrownBy(() -> new TimerProperties(true, 0, 20, Duration.ofSeconds(1), 10, Duration.ofSeconds(5),
        Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimerProperties(true, 2, 20, Duration.ZERO, 10, Duration.ofSeconds(5),
        Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimerProperties(true, 2, 20, Duration.ofSeconds(1), 10, Duration.ofHours(2),
        Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
