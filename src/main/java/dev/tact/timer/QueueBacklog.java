package dev.tact.timer;

import dev.tact.shared.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;

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

  /**
   * Reads the backlog of a queue kept as a table with a {@code state} column (items waiting in {@code waitingState},
   * parked ones in {@code PARKED}) and a {@code next_attempt_at} column, as the intake log and the timers are.
   */
  public static QueueBacklog ofStateTable(JdbcClient jdbc, String table, String waitingState, Instant now) {
    return jdbc.sql("SELECT SUM(CASE WHEN state = :waiting AND next_attempt_at <= :now THEN 1 ELSE 0 END) AS waiting,"
            + " MIN(CASE WHEN state = :waiting AND next_attempt_at <= :now THEN next_attempt_at END) AS oldest,"
            + " SUM(CASE WHEN state = 'PARKED' THEN 1 ELSE 0 END) AS parked"
            + " FROM " + table + " WHERE state IN (:waiting, 'PARKED')")
        .param("waiting", waitingState).param("now", SqlTime.utc(now))
        .query((rs, n) -> new QueueBacklog(rs.getLong("waiting"),
            Optional.ofNullable(SqlTime.instant(rs, "oldest")), OptionalLong.of(rs.getLong("parked"))))
        .single();
  }

  /** {@link #parked} as a nullable number, for views and API bodies: null for a queue that never parks. */
  public Long parkedCount() {
    return parked.isPresent() ? parked.getAsLong() : null;
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
