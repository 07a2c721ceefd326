package dev.tact.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What waits for a {@link WorkQueue} across every node, read from its table.
 *
 * @param waiting items due and not yet worked (items scheduled for later do not count)
 * @param oldestDueSince when the item that has waited longest became due (logged, or due to retry); empty when
 *     nothing waits
 * @param parked items given up on that wait for an admin; empty for a queue that never parks (its failures end
 *     in a final state of its own)
 */
public record QueueBacklog(long waiting, Optional<Instant> oldestDueSince, OptionalLong parked) {

  public QueueBacklog {
    if (waiting < 0) {
      throw new IllegalArgumentException("waiting cannot be negative");
    }
  }

  /** Whether {@link #lag} means something: nothing waits, or the queue knows when its oldest item became due. */
  public boolean knowsLag() {
    return waiting == 0 || oldestDueSince.isPresent();
  }

  /** How long the oldest waiting item has waited at {@code now}: the queue's lag (zero when nothing waits). */
  public Duration lag(Instant now) {
    return oldestDueSince.map(since -> Duration.between(since, now)).filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
  }
}
