package dev.tact.sla;

import dev.tact.timer.Backoff;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.WakeUp;
import dev.tact.timer.WorkFailure;
import dev.tact.timer.WorkQueue;
import dev.tact.timer.WorkerSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the answered first responses that replies recorded in {@code sla_first_response_delta} into {@code
 * sla_first_response_daily} (ADR 0046): claims a batch of delta rows ({@code FOR UPDATE SKIP LOCKED}), adds their
 * counts to the summary rows in sorted key order (two folders on two nodes wait for each other, never in a cycle) and
 * deletes them, in one transaction. Writers only insert delta rows, so they never wait for the fold or each other.
 */
@Component
class FirstResponseFold implements WorkQueue<FirstResponseFold.Delta> {

  /** One answered first response not yet in the summary. */
  record Delta(long seq, LocalDate startedOn, int minuteBucket, String teamKey, String channel, String intent) {}

  private record Key(String dimension, String dimKey, LocalDate day, int minuteBucket) implements Comparable<Key> {

    @Override
    public int compareTo(Key o) {
      int c = dimension.compareTo(o.dimension);
      c = c != 0 ? c : dimKey.compareTo(o.dimKey);
      c = c != 0 ? c : day.compareTo(o.day);
      return c != 0 ? c : Integer.compare(minuteBucket, o.minuteBucket);
    }
  }

  private final JdbcClient jdbc;

  FirstResponseFold(JdbcClient jdbc, ClaimWorkers workers,
      @Value("${tact.dashboard.fold.enabled:true}") boolean enabled,
      @Value("${tact.dashboard.fold.poll-interval:2s}") Duration pollInterval) {
    this.jdbc = jdbc;
    workers.register(this, WorkerSettings.locked("sla-first-response-fold", enabled, enabled ? 1 : 0,
        2000, pollInterval, 10, Backoff.doubling(Duration.ofSeconds(1), Duration.ofMinutes(5))), new WakeUp());
  }

  @Override
  public List<Delta> claimDue(Instant now, int limit) {
    return jdbc.sql("""
        SELECT seq, started_on, minute_bucket, team_key, channel, intent FROM sla_first_response_delta
        ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""").param("limit", limit)
        .query((rs, n) -> new Delta(rs.getLong("seq"), rs.getObject("started_on", LocalDate.class),
            rs.getInt("minute_bucket"), rs.getString("team_key"), rs.getString("channel"), rs.getString("intent")))
        .list();
  }

  @Override
  public void handle(List<Delta> deltas) {
    Map<Key, Long> counts = new TreeMap<>();
    for (Delta d : deltas) {
      counts.merge(new Key("all", "", d.startedOn(), d.minuteBucket()), 1L, Long::sum);
      counts.merge(new Key("team", d.teamKey(), d.startedOn(), d.minuteBucket()), 1L, Long::sum);
      counts.merge(new Key("channel", d.channel(), d.startedOn(), d.minuteBucket()), 1L, Long::sum);
      if (d.intent() != null) {
        counts.merge(new Key("intent", d.intent(), d.startedOn(), d.minuteBucket()), 1L, Long::sum);
      }
    }
    counts.forEach((key, count) -> {
      int updated = jdbc.sql("""
          UPDATE sla_first_response_daily SET answered = answered + :count
          WHERE dimension = :dimension AND dim_key = :key AND started_on = :day AND minute_bucket = :bucket""")
          .param("count", count).param("dimension", key.dimension()).param("key", key.dimKey())
          .param("day", key.day()).param("bucket", key.minuteBucket()).update();
      if (updated == 0) {
        jdbc.sql("""
            INSERT INTO sla_first_response_daily (dimension, dim_key, started_on, minute_bucket, answered)
            VALUES (:dimension, :key, :day, :bucket, :count)""")
            .param("count", count).param("dimension", key.dimension()).param("key", key.dimKey())
            .param("day", key.day()).param("bucket", key.minuteBucket()).update();
      }
    });
    jdbc.sql("DELETE FROM sla_first_response_delta WHERE seq IN (:seqs)")
        .param("seqs", deltas.stream().map(Delta::seq).toList()).update();
  }

  @Override
  public boolean recordFailure(Delta item, WorkFailure failure) {
    // nothing to count on a delta row: it stays, and the next pass folds it again
    return false;
  }
}
