package dev.tact.conversation.report;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.dashboard.ScopeConditions;
import dev.tact.shared.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open conversations by how long ago they were opened: how long customers have been waiting for an end. */
@Component
class BacklogAgePanel implements DashboardPanel {

  static final List<String> AGES = List.of("under 1 day", "1–3 days", "3–7 days", "7–28 days", "over 28 days");
  private static final int[] BOUNDS_DAYS = {1, 3, 7, 28};

  private final JdbcClient jdbc;
  private final Clock clock;

  BacklogAgePanel(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String key() {
    return "backlog-age";
  }

  @Override
  public String title() {
    return "Open conversations by age";
  }

  @Override
  public DashboardSection section() {
    return DashboardSection.BACKLOG;
  }

  @Override
  public PanelData compute(ReportScope scope) {
    Instant now = clock.instant();
    ScopeConditions where = ConversationScope.filters(scope).before("c.created_at");
    Map<String, Object> parameters = where.parameters();
    StringBuilder age = new StringBuilder("CASE");
    for (int i = 0; i < BOUNDS_DAYS.length; i++) {
      age.append(" WHEN c.created_at >= :age").append(i).append(" THEN ").append(i);
      parameters.put("age" + i, SqlTime.utc(now.minus(Duration.ofDays(BOUNDS_DAYS[i]))));
    }
    age.append(" ELSE ").append(BOUNDS_DAYS.length).append(" END");
    long[] us = new long[AGES.size()];
    long[] customer = new long[AGES.size()];
    jdbc.sql("SELECT age, SUM(on_us) AS on_us, SUM(on_customer) AS on_customer FROM (SELECT " + age + " AS age,"
            + " CASE WHEN c.status IN ('NEW', 'OPEN') THEN 1 ELSE 0 END AS on_us,"
            + " CASE WHEN c.status IN ('PENDING', 'ON_HOLD') THEN 1 ELSE 0 END AS on_customer"
            + " FROM conv_conversation c WHERE c.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')"
            + " AND c.merged_into_id IS NULL" + where.sql() + ") aged GROUP BY age")
        .params(parameters)
        .query(rs -> {
          int bucket = rs.getInt("age");
          us[bucket] = rs.getLong("on_us");
          customer[bucket] = rs.getLong("on_customer");
        });
    List<List<Object>> rows = new ArrayList<>();
    long open = 0;
    long olderThanWeek = 0;
    for (int i = 0; i < AGES.size(); i++) {
      rows.add(List.of(AGES.get(i), us[i], customer[i]));
      open += us[i] + customer[i];
      if (i >= 3) {
        olderThanWeek += us[i] + customer[i];
      }
    }
    String headline = open == 0 ? "No open conversations"
        : open + " open, " + olderThanWeek + " of them older than 7 days (" + Math.round(100.0 * olderThanWeek / open)
            + " %)";
    return new PanelData(headline, "Conversations open now (new, open, pending or on hold) that were opened before "
        + "the period's end, by their age today. 'Waiting on us' are new or open; 'waiting on the customer' are "
        + "pending or on hold. A growing right-hand side means customers wait longer for an end.",
        PanelData.Chart.BAR, List.of("Age", "Waiting on us", "Waiting on the customer"), rows);
  }
}
