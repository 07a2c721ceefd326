package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QueueStatusTests {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void shouldEstimateTheDrainFromThisNodesPaceOfTheLastMinute() {
    QueueBacklog backlog = new QueueBacklog(1_200, Optional.of(NOW.minusSeconds(90)), OptionalLong.of(3));
    QueueStatus status = new QueueStatus("intake-pipeline", 2, Optional.of(backlog), 600, 0, NOW);

    assertThat(status.lag()).contains(Duration.ofSeconds(90));
    assertThat(status.drainEstimate()).as("1,200 waiting at 10 a second").contains(Duration.ofSeconds(120));
  }

  @Test
  void shouldEstimateNothingWhenNothingWaitsOrNothingWasDone() {
    QueueBacklog none = new QueueBacklog(0, Optional.empty(), OptionalLong.empty());
    QueueBacklog stuck = new QueueBacklog(5, Optional.of(NOW.minusSeconds(10)), OptionalLong.empty());

    assertThat(new QueueStatus("q", 1, Optional.of(none), 100, 0, NOW).drainEstimate()).isEmpty();
    assertThat(new QueueStatus("q", 1, Optional.of(none), 100, 0, NOW).lag()).contains(Duration.ZERO);
    assertThat(new QueueStatus("q", 1, Optional.of(stuck), 0, 3, NOW).drainEstimate()).isEmpty();
    assertThat(new QueueStatus("q", 1, Optional.empty(), 100, 0, NOW).lag()).isEmpty();
  }

  @Test
  void shouldNotClaimALagForAQueueThatDoesNotRecordWhenItsItemsCame() {
    QueueBacklog untimed = new QueueBacklog(12, Optional.empty(), OptionalLong.empty());
    QueueBacklog emptyUntimed = new QueueBacklog(0, Optional.empty(), OptionalLong.empty());

    assertThat(new QueueStatus("effort-fold", 1, Optional.of(untimed), 0, 0, NOW).lag()).isEmpty();
    assertThat(new QueueStatus("effort-fold", 1, Optional.of(emptyUntimed), 0, 0, NOW).lag())
        .contains(Duration.ZERO);
  }

  @Test
  void shouldReadALagOfZeroForAnItemDueInTheFuture() {
    QueueBacklog early = new QueueBacklog(1, Optional.of(NOW.plusSeconds(5)), OptionalLong.empty());

    assertThat(early.lag(NOW)).isEqualTo(Duration.ZERO);
  }
}
