package dev.tact.survey;

import dev.tact.dashboard.ReportScope;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the daily survey summary for a dashboard scope, grouped by one column: {@code survey_daily} (day, team,
 * channel: a few tens of thousands of rows for a year however many surveys), or {@code survey_daily_detail} when
 * the scope names an agent or an intent (through its index on either); never the surveys or the conversations.
 * Days are UTC days of sending.
 */
@Component
class SatisfactionSummary {

  /** Sent, answered, good and poor surveys of one group (a day, a team, a channel). */
  record Counts(String key, long sent, long answered, long good, long poor) {

    Double satisfied() {
      return answered == 0 ? null : percent(good, answered);
    }

    Double poorShare() {
      return answered == 0 ? null : percent(poor, answered);
    }

    Double responseRate() {
      return sent == 0 ? null : percent(answered, sent);
    }

    Counts plus(Counts other) {
      return new Counts(key, sent + other.sent, answered + other.answered, good + other.good, poor + other.poor);
    }

    private static double percent(long part, long whole) {
      return Math.round(1000.0 * part / whole) / 10.0;
    }
  }

  enum GroupBy {
    DAY("sent_on"), TEAM("team_key"), CHANNEL("channel");

    private final String column;

    GroupBy(String column) {
      this.column = column;
    }
  }

  private final JdbcClient jdbc;

  SatisfactionSummary(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Counts> counts(ReportScope scope, GroupBy groupBy) {
    StringBuilder sql = new StringBuilder("SELECT ").append(groupBy.column).append(" AS k, SUM(sent) AS sent, ")
        .append("SUM(answered) AS answered, SUM(good) AS good, SUM(poor) AS poor FROM ")
        .append(scope.agentId() != null || scope.intent() != null ? "survey_daily_detail " : "survey_daily ")
        .append("WHERE sent_on >= :from AND sent_on < :to");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("from", LocalDate.ofInstant(scope.from(), ZoneOffset.UTC));
    LocalDate to = LocalDate.ofInstant(scope.to(), ZoneOffset.UTC);
    params.put("to", scope.to().equals(to.atStartOfDay(ZoneOffset.UTC).toInstant()) ? to : to.plusDays(1));
    if (scope.teamId() != null) {
      sql.append(" AND team_key = :team");
      params.put("team", scope.teamId().toString());
    }
    if (scope.agentId() != null) {
      sql.append(" AND agent_key = :agent");
      params.put("agent", scope.agentId().toString());
    }
    if (scope.channel() != null) {
      sql.append(" AND channel = :channel");
      params.put("channel", scope.channel().name());
    }
    if (scope.intent() != null) {
      sql.append(" AND intent = :intent");
      params.put("intent", scope.intent());
    }
    sql.append(" GROUP BY ").append(groupBy.column).append(" ORDER BY ").append(groupBy.column);
    List<Counts> result = new ArrayList<>();
    jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Counts(rs.getString("k"), rs.getLong("sent"),
        rs.getLong("answered"), rs.getLong("good"), rs.getLong("poor"))).list().forEach(result::add);
    return result;
  }

  static Counts total(List<Counts> groups) {
    Counts total = new Counts("total", 0, 0, 0, 0);
    for (Counts c : groups) {
      total = total.plus(c);
    }
    return total;
  }
}
