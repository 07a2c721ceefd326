package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentCountsTests {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void shouldSumTheLastMinuteOnly() {
    RecentCounts counts = new RecentCounts();
    counts.add(T0, 5);
    counts.add(T0.plusMillis(900), 2);
    counts.add(T0.plusSeconds(30), 10);

    assertThat(counts.lastMinute(T0.plusSeconds(30))).isEqualTo(17);
    assertThat(counts.lastMinute(T0.plusSeconds(59))).as("the first second is still within the minute")
        .isEqualTo(17);
    assertThat(counts.lastMinute(T0.plusSeconds(60))).as("a minute on, the first second has left").isEqualTo(10);
    assertThat(counts.lastMinute(T0.plusSeconds(95))).isZero();
  }

  @Test
  void shouldStartAReusedSlotFromZero() {
    RecentCounts counts = new RecentCounts();
    counts.add(T0, 7);
    counts.add(T0.plusSeconds(RecentCounts.SECONDS), 1); // the same slot a minute later

    assertThat(counts.lastMinute(T0.plusSeconds(RecentCounts.SECONDS))).isEqualTo(1);
  }

  @Test
  void shouldNotCountWhatIsInTheFuture() {
    RecentCounts counts = new RecentCounts();
    counts.add(T0.plusSeconds(10), 4);

    assertThat(counts.lastMinute(T0)).isZero();
    assertThat(counts.lastMinute(T0.plusSeconds(10))).isEqualTo(4);
  }
}
