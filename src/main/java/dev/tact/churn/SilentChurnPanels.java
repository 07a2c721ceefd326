package dev.tact.churn;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's SILENT_CHURN panels: the contacts who became overdue within the period after a poor experience
 * and are still quiet, by reason (a contact with two reasons counts in both rows) and by the channel of their last
 * conversation. Read from churn_contact alone (one row per contact), never from conversations or messages.
 */
@Configuration(proxyBeanMethods = false)
class SilentChurnPanels {

  private static final String RHYTHM_KNOWN = SilentChurn.RHYTHM_KNOWN;
  private static final String IN_PERIOD = " AND " + SilentChurn.DUE + " >= :from AND " + SilentChurn.DUE + " < :until";
  private static final String AT_RISK = " AND (c.last_conversation_open OR c.poor_experiences > 0)";

  @Bean
  DashboardPanel silentChurnByReason(JdbcClient jdbc, ChurnProperties settings, Clock clock) {
    return new Panel("silent-churn-by-reason", "Silent churn by reason", 0, jdbc, settings, clock) {
      @Override
      List<List<Object>> rows(String narrowed, Map<String, Object> params, long leftOpen) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT e.kind AS reason, COUNT(*) AS n FROM churn_contact c JOIN churn_experience e "
            + "ON e.contact_id = c.contact_id WHERE " + RHYTHM_KNOWN + IN_PERIOD + narrowed + " GROUP BY e.kind")
            .params(params).query((rs, n) -> counts.put(rs.getString("reason"), rs.getLong("n"))).list();
        counts.put(PoorExperience.LEFT_OPEN.name(), leftOpen);
        List<List<Object>> rows = new ArrayList<>();
        for (PoorExperience kind : PoorExperience.values()) {
          rows.add(List.of(kind.label(), counts.getOrDefault(kind.name(), 0L)));
        }
        return rows;
      }
    };
  }

  @Bean
  DashboardPanel silentChurnByChannel(JdbcClient jdbc, ChurnProperties settings, Clock clock) {
    return new Panel("silent-churn-by-channel", "Silent churn by channel", 1, jdbc, settings, clock) {
      @Override
      List<List<Object>> rows(String narrowed, Map<String, Object> params, long leftOpen) {
        return jdbc.sql("SELECT COALESCE(c.last_channel, 'purchase') AS channel, COUNT(*) AS n FROM churn_contact c "
            + "WHERE " + RHYTHM_KNOWN + IN_PERIOD + AT_RISK + narrowed + " GROUP BY COALESCE(c.last_channel, "
            + "'purchase') ORDER BY n DESC, channel").params(params)
            .query((rs, n) -> List.<Object>of(rs.getString("channel"), rs.getLong("n"))).list();
      }
    };
  }

  abstract static class Panel implements DashboardPanel {

    private final String key;
    private final String title;
    private final int order;
    final JdbcClient jdbc;
    private final ChurnProperties settings;
    private final Clock clock;

    Panel(String key, String title, int order, JdbcClient jdbc, ChurnProperties settings, Clock clock) {
      this.key = key;
      this.title = title;
      this.order = order;
      this.jdbc = jdbc;
      this.settings = settings;
      this.clock = clock;
    }

    /** The table's rows; {@code leftOpen} is how many of the contacts counted have their latest conversation open. */
    abstract List<List<Object>> rows(String narrowed, Map<String, Object> params, long leftOpen);

    @Override
    public String key() {
      return key;
    }

    @Override
    public String title() {
      return title;
    }

    @Override
    public DashboardSection section() {
      return DashboardSection.SILENT_CHURN;
    }

    @Override
    public int order() {
      return order;
    }

    @Override
    public PanelData compute(ReportScope scope) {
      Instant now = clock.instant();
      Instant until = scope.to().isAfter(now) ? now : scope.to();
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("k", settings.overdueFactor());
      params.put("minEpisodes", settings.minimumEpisodes());
      params.put("from", scope.from().getEpochSecond());
      params.put("until", until.getEpochSecond());
      StringBuilder narrowed = new StringBuilder();
      SilentChurn.narrow(new ChurnFilter(null, scope.teamId(), scope.agentId(), scope.channel(), scope.intent()),
          params, narrowed);
      long[] counted = jdbc.sql("SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN c.last_conversation_open THEN 1 "
          + "ELSE 0 END), 0) AS left_open FROM churn_contact c WHERE " + RHYTHM_KNOWN + IN_PERIOD + AT_RISK + narrowed)
          .params(params).query((rs, n) -> new long[] {rs.getLong("total"), rs.getLong("left_open")}).single();
      long total = counted[0];
      return new PanelData(total + (total == 1 ? " contact" : " contacts") + " went quiet",
          "Contacts who used to get in touch regularly, became overdue in this period (quiet for more than "
              + settings.overdueFactor() + " times their usual interval, and longer than their longest known gap) "
              + "after a poor experience, and have not been back. Team, agent, channel and intent are those of "
              + "their last conversation. The list with reasons is under Silent churn.",
          PanelData.Chart.BAR, List.of(key.endsWith("reason") ? "Reason" : "Channel", "Contacts"),
          rows(narrowed.toString(), params, counted[1]));
    }
  }
}
