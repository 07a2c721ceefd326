package dev.tact.sla;

import dev.tact.timer.SummaryFolds;
import dev.tact.timer.SummaryTable;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the answered first responses that replies recorded in {@code sla_first_response_delta} into {@code
 * sla_first_response_daily} (ADR 0046): claims a batch of delta rows ({@code FOR UPDATE SKIP LOCKED}), adds their
 * counts to the summary and deletes them, in one transaction. Writers only insert delta rows, so they never wait for
 * the fold or each other.
 */
@Component
class FirstResponseFold implements SummaryFolds.Fold<FirstResponseFold.Delta> {

  /** One answered first response not yet in the summary. */
  record Delta(long seq, LocalDate startedOn, int minuteBucket, String teamKey, String channel, String intent) {}

  private final JdbcClient jdbc;
  private final SummaryTable summary;

  FirstResponseFold(JdbcClient jdbc, SummaryFolds folds) {
    this.jdbc = jdbc;
    this.summary = new SummaryTable(jdbc, "sla_first_response_daily",
        List.of("dimension", "dim_key", "started_on", "minute_bucket"), List.of("answered"));
    folds.register("sla-first-response-fold", this);
  }

  @Override
  public List<Delta> claim(int limit) {
    return jdbc.sql("""
        SELECT seq, started_on, minute_bucket, team_key, channel, intent FROM sla_first_response_delta
        ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""").param("limit", limit)
        .query((rs, n) -> new Delta(rs.getLong("seq"), rs.getObject("started_on", LocalDate.class),
            rs.getInt("minute_bucket"), rs.getString("team_key"), rs.getString("channel"), rs.getString("intent")))
        .list();
  }

  @Override
  public long waiting() {
    return jdbc.sql("SELECT COUNT(*) FROM sla_first_response_delta").query(Long.class).single();
  }

  @Override
  public void fold(List<Delta> deltas) {
    SummaryTable.Additions answered = summary.additions();
    for (Delta d : deltas) {
      answered.add(List.of("all", "", d.startedOn(), d.minuteBucket()), 1);
      answered.add(List.of("team", d.teamKey(), d.startedOn(), d.minuteBucket()), 1);
      answered.add(List.of("channel", d.channel(), d.startedOn(), d.minuteBucket()), 1);
      if (d.intent() != null) {
        answered.add(List.of("intent", d.intent(), d.startedOn(), d.minuteBucket()), 1);
      }
    }
    answered.write();
    jdbc.sql("DELETE FROM sla_first_response_delta WHERE seq IN (:seqs)")
        .param("seqs", deltas.stream().map(Delta::seq).toList()).update();
  }
}
