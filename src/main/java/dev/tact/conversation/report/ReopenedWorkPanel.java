package dev.tact.conversation.report;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.dashboard.ScopeConditions;
import dev.tact.dashboard.TimeBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Conversations opened in the period, how many came back after being solved, and how many are still unresolved. */
@Component
class ReopenedWorkPanel implements DashboardPanel {

  private final JdbcClient jdbc;

  ReopenedWorkPanel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String key() {
    return "reopened-unresolved";
  }

  @Override
  public String title() {
    return "Reopened and unresolved conversations";
  }

  @Override
  public DashboardSection section() {
    return DashboardSection.REOPENED_AND_UNRESOLVED;
  }

  @Override
  public PanelData compute(ReportScope scope) {
    TimeBuckets buckets = TimeBuckets.of(scope);
    boolean summarised = scope.agentId() == null
        && (scope.teamId() == null ? 0 : 1) + (scope.channel() == null ? 0 : 1) + (scope.intent() == null ? 0 : 1) <= 1;
    long[][] counts = summarised ? summed(scope, buckets) : exact(scope, buckets);
    List<List<Object>> rows = new ArrayList<>();
    long opened = 0;
    long reopened = 0;
    long unresolved = 0;
    for (int i = 0; i < buckets.size(); i++) {
      rows.add(List.of(buckets.label(i), counts[i][0], counts[i][1], counts[i][2]));
      opened += counts[i][0];
      reopened += counts[i][1];
      unresolved += counts[i][2];
    }
    String headline = opened == 0 ? "No conversations opened in the period"
        : percent(reopened, opened) + " reopened, " + percent(unresolved, opened) + " still unresolved (of " + opened
            + " opened)";
    return new PanelData(headline, "Conversations opened in each " + buckets.unit().name().toLowerCase(
        java.util.Locale.ROOT) + " of the period: how many came back after being solved (the customer's problem "
        + "was not over) and how many are still not solved today. Both should stay low; unresolved ones in early "
        + "weeks are the backlog's oldest.", PanelData.Chart.LINE,
        List.of(capital(buckets.unit()), "Opened", "Reopened", "Unresolved"), rows);
  }

  /**
   * From {@code conv_opened_daily} (UTC days), for scopes narrowed by at most one of team, channel and intent, in one
   * statement (one snapshot): the summary, minus what it counts for the conversations changed since the last fold
   * ({@code conv_opened_counted}), plus what those add now. So the figures are exact however far the fold lags (ADR
   * 0046).
   */
  private long[][] summed(ReportScope scope, TimeBuckets buckets) {
    long[][] counts = new long[buckets.size()][3];
    String dimension = scope.teamId() != null ? "team" : scope.channel() != null ? "channel"
        : scope.intent() != null ? "intent" : "all";
    String key = scope.teamId() != null ? scope.teamId().toString() : scope.channel() != null
        ? scope.channel().name() : scope.intent() != null ? "intent:" + scope.intent().replace('_', '-') : "";
    String counted = switch (dimension) {
      case "team" -> " AND k.team_key = :key";
      case "channel" -> " AND k.channel = :key";
      case "intent" -> " AND CONCAT(',', k.intents, ',') LIKE CONCAT('%,', :key, ',%')";
      default -> "";
    };
    String current = switch (dimension) {
      case "team" -> " AND CAST(c.team_id AS VARCHAR(36)) = :key";
      case "channel" -> " AND c.channel = :key";
      case "intent" -> " AND EXISTS (SELECT 1 FROM conv_tag t WHERE t.conversation_id = c.id AND t.tag = :key)";
      default -> "";
    };
    Map<String, Object> parameters = Map.of("dimension", dimension, "key", key,
        "fromDay", java.time.LocalDate.ofInstant(scope.from(), java.time.ZoneOffset.UTC),
        "toDay", java.time.LocalDate.ofInstant(scope.to().minusNanos(1), java.time.ZoneOffset.UTC));
    jdbc.sql("SELECT opened_on, SUM(opened) AS opened, SUM(reopened) AS reopened, SUM(unresolved) AS unresolved"
        + " FROM (SELECT opened_on, opened, reopened, unresolved FROM conv_opened_daily WHERE dimension = :dimension"
        + " AND dim_key = :key AND opened_on >= :fromDay AND opened_on <= :toDay"
        + " UNION ALL SELECT k.opened_on, -1, -k.reopened, -k.unresolved FROM conv_opened_counted k"
        + " WHERE k.conversation_id IN (SELECT conversation_id FROM conv_opened_change)"
        + " AND k.opened_on >= :fromDay AND k.opened_on <= :toDay" + counted
        + " UNION ALL SELECT CAST((c.created_at AT TIME ZONE 'UTC') AS DATE), 1,"
        + " CASE WHEN c.reopen_count > 0 THEN 1 ELSE 0 END,"
        + " CASE WHEN c.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END FROM conv_conversation c"
        + " WHERE c.id IN (SELECT conversation_id FROM conv_opened_change) AND c.merged_into_id IS NULL"
        + " AND CAST((c.created_at AT TIME ZONE 'UTC') AS DATE) >= :fromDay"
        + " AND CAST((c.created_at AT TIME ZONE 'UTC') AS DATE) <= :toDay" + current
        + ") summed GROUP BY opened_on").params(parameters).query(rs -> {
      java.time.Instant dayStart = rs.getObject("opened_on", java.time.LocalDate.class)
          .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      long[] row = counts[buckets.indexOf(dayStart.isBefore(scope.from()) ? scope.from() : dayStart)];
      row[0] += rs.getLong("opened");
      row[1] += rs.getLong("reopened");
      row[2] += rs.getLong("unresolved");
    });
    return counts;
  }

  /** From the conversations themselves (an agent or an intent, which the summary does not keep). */
  private long[][] exact(ReportScope scope, TimeBuckets buckets) {
    ScopeConditions where = ConversationScope.filters(scope).period("c.created_at");
    Map<String, Object> parameters = where.parameters();
    parameters.putAll(buckets.parameters());
    long[][] counts = new long[buckets.size()][3];
    jdbc.sql("SELECT bucket, COUNT(*) AS opened, SUM(reopened) AS reopened, SUM(unresolved) AS unresolved FROM ("
            + "SELECT " + buckets.caseOf("c.created_at") + " AS bucket,"
            + " CASE WHEN c.reopen_count > 0 THEN 1 ELSE 0 END AS reopened,"
            + " CASE WHEN c.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END AS unresolved"
            + " FROM conv_conversation c WHERE c.merged_into_id IS NULL" + where.sql() + ") opened GROUP BY bucket")
        .params(parameters)
        .query(rs -> {
          long[] row = counts[rs.getInt("bucket")];
          row[0] = rs.getLong("opened");
          row[1] = rs.getLong("reopened");
          row[2] = rs.getLong("unresolved");
        });
    return counts;
  }

  private static String capital(TimeBuckets.Unit unit) {
    String name = unit.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String percent(long part, long whole) {
    return Math.round(1000.0 * part / whole) / 10.0 + " %";
  }
}
