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
    ScopeConditions where = ScopeConditions.of(scope).period("k.started_at").team("k.team_id")
        .agent("k.answered_by").channel("k.channel")
        .intent("k.intent = :scopeIntent", scope.intent() == null ? null : scope.intent().replace('_', '-'));
    Map<String, Object> parameters = where.parameters();
    parameters.putAll(buckets.parameters());
    Object[][] cells = new Object[buckets.size()][];
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
    Map<String, Object> overall = jdbc.sql("SELECT COUNT(*) AS answered,"
            + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY k.consumed_nanos) AS p50" + ANSWERED + where.sql())
        .params(where.parameters()).query().singleRow();
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
    long answered = ((Number) overall.get("answered")).longValue();
    Double median = minutes(overall.get("p50"));
    String headline = answered == 0 ? "No first responses in the period"
        : "Median first response " + median + " business minutes (" + answered + " answered)";
    return new PanelData(headline, "Business minutes customers waited for the first reply (on the team's working "
        + "hours), for the conversations whose wait began in each " + buckets.unit().name().toLowerCase(
        java.util.Locale.ROOT) + ": the median and the 90th percentile. Shown last on purpose: a fast first "
        + "reply matters less than whether the problem went away (the panels above).", PanelData.Chart.LINE,
        List.of("Period", "Answered", "Median minutes", "90th percentile minutes"), rows);
  }

  private static Double minutes(Object nanos) {
    return nanos == null ? null : Math.round(((Number) nanos).doubleValue() / 6e9) / 10.0;
  }
}
