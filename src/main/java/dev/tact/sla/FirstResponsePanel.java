package dev.tact.sla;

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

/**
 * First responses over the period, in business minutes on the team's calendar: how many were given, the median and
 * the 90th percentile (nearest rank, as {@link SlaReports} counts them), by the day, week or month the wait began.
 */
@Component
class FirstResponsePanel implements DashboardPanel {

  private static final String ANSWERED = " FROM sla_clock k WHERE k.metric = 'FIRST_RESPONSE' AND k.ended_by = 'REPLY'";

  private final JdbcClient jdbc;

  FirstResponsePanel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String key() {
    return "first-response";
  }

  @Override
  public String title() {
    return "First response time";
  }

  @Override
  public DashboardSection section() {
    return DashboardSection.HANDLE_TIME;
  }

  @Override
  public PanelData compute(ReportScope scope) {
    TimeBuckets buckets = TimeBuckets.of(scope);
    Object[][] cells = new Object[buckets.size()][];
    long answered;
    Double median;
    boolean summarised = scope.agentId() == null
        && (scope.teamId() == null ? 0 : 1) + (scope.channel() == null ? 0 : 1) + (scope.intent() == null ? 0 : 1) <= 1;
    if (summarised) {
      long[][] histograms = summed(scope, buckets);
      long[] overall = new long[MinuteBuckets.COUNT];
      for (int i = 0; i < histograms.length; i++) {
        long count = java.util.Arrays.stream(histograms[i]).sum();
        if (count > 0) {
          cells[i] = new Object[] {count, MinuteBuckets.percentile(histograms[i], 0.5),
              MinuteBuckets.percentile(histograms[i], 0.9)};
        }
        for (int b = 0; b < overall.length; b++) {
          overall[b] += histograms[i][b];
        }
      }
      answered = java.util.Arrays.stream(overall).sum();
      median = MinuteBuckets.percentile(overall, 0.5);
    } else {
      Map<String, Object> overall = exact(scope, buckets, cells);
      answered = ((Number) overall.get("answered")).longValue();
      median = minutes(overall.get("p50"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(buckets.label(i));
      if (cells[i] == null) {
        row.add(0L);
        row.add(null);
        row.add(null);
      } else {
        row.addAll(List.of(cells[i]));
      }
      rows.add(row);
    }
    String headline = answered == 0 ? "No first responses in the period"
        : "Median first response " + median + " business minutes (" + answered + " answered)";
    return new PanelData(headline, "Business minutes customers waited for the first reply (on the team's working "
        + "hours), for the conversations whose wait began in each " + buckets.unit().name().toLowerCase(
        java.util.Locale.ROOT) + ": the median and the 90th percentile. Shown last on purpose: a fast first "
        + "reply matters less than whether the problem went away (the panels above)."
        + (summarised ? " Median and 90th percentile are read from counts in "
            + "fixed minute ranges, so they are close to, not exactly, the true value (within the range's width)."
            : ""), PanelData.Chart.LINE,
        List.of("Period", "Answered", "Median minutes", "90th percentile minutes"), rows);
  }

  /** Per time bucket, the answered first responses counted by minute bucket, from the summary. */
  private long[][] summed(ReportScope scope, TimeBuckets buckets) {
    long[][] histograms = new long[buckets.size()][MinuteBuckets.COUNT];
    java.time.LocalDate fromDay = java.time.LocalDate.ofInstant(scope.from(), java.time.ZoneOffset.UTC);
    java.time.LocalDate toDay = java.time.LocalDate.ofInstant(scope.to().minusNanos(1), java.time.ZoneOffset.UTC);
    String dimension = scope.teamId() != null ? "team" : scope.channel() != null ? "channel"
        : scope.intent() != null ? "intent" : "all";
    String key = scope.teamId() != null ? scope.teamId().toString() : scope.channel() != null
        ? scope.channel().name() : scope.intent() != null ? scope.intent().replace('_', '-') : "";
    String delta = switch (dimension) {
      case "team" -> " AND team_key = :key";
      case "channel" -> " AND channel = :key";
      case "intent" -> " AND intent = :key";
      default -> "";
    };
    // the summary and the answers not folded into it yet, in one statement (one snapshot): exact (ADR 0046)
    String sql = "SELECT started_on, minute_bucket, SUM(answered) AS answered FROM ("
        + "SELECT started_on, minute_bucket, answered FROM sla_first_response_daily"
        + " WHERE dimension = :dimension AND dim_key = :key AND started_on >= :fromDay AND started_on <= :toDay"
        + " UNION ALL SELECT started_on, minute_bucket, 1 FROM sla_first_response_delta"
        + " WHERE started_on >= :fromDay AND started_on <= :toDay" + delta
        + ") summed GROUP BY started_on, minute_bucket";
    Map<String, Object> parameters = Map.of("dimension", dimension, "key", key, "fromDay", fromDay, "toDay", toDay);
    jdbc.sql(sql).params(parameters).query(rs -> {
      java.time.Instant dayStart = rs.getObject("started_on", java.time.LocalDate.class)
          .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      int bucket = buckets.indexOf(dayStart.isBefore(scope.from()) ? scope.from() : dayStart);
      histograms[bucket][rs.getInt("minute_bucket")] += rs.getLong("answered");
    });
    return histograms;
  }

  /** The exact figures from the clocks themselves (for an agent or an intent, which the summary does not keep). */
  private Map<String, Object> exact(ReportScope scope, TimeBuckets buckets, Object[][] cells) {
    ScopeConditions where = ScopeConditions.of(scope).period("k.started_at").team("k.team_id")
        .agent("k.answered_by").channel("k.channel")
        .intent("k.intent = :scopeIntent", scope.intent() == null ? null : scope.intent().replace('_', '-'));
    Map<String, Object> parameters = where.parameters();
    parameters.putAll(buckets.parameters());
    jdbc.sql("SELECT bucket, COUNT(*) AS answered,"
            + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY consumed_nanos) AS p50,"
            + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY consumed_nanos) AS p90 FROM ("
            + "SELECT " + buckets.caseOf("k.started_at") + " AS bucket, k.consumed_nanos" + ANSWERED + where.sql()
            + ") answers GROUP BY bucket")
        .params(parameters)
        .query(rs -> {
          cells[rs.getInt("bucket")] = new Object[] {rs.getLong("answered"), minutes(rs.getObject("p50")),
              minutes(rs.getObject("p90"))};
        });
    return jdbc.sql("SELECT COUNT(*) AS answered,"
            + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY k.consumed_nanos) AS p50" + ANSWERED + where.sql())
        .params(where.parameters()).query().singleRow();
  }

  private static Double minutes(Object nanos) {
    return nanos == null ? null : Math.round(((Number) nanos).doubleValue() / 6e9) / 10.0;
  }
}
