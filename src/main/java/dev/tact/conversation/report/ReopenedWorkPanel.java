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

  private static String capital(TimeBuckets.Unit unit) {
    String name = unit.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String percent(long part, long whole) {
    return Math.round(1000.0 * part / whole) / 10.0 + " %";
  }
}
