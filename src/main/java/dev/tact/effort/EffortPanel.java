package dev.tact.effort;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.shared.Channel;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One of the dashboard's effort panels: the average effort score and the average points each part added, per team,
 * channel, intent or period. Points share the score's scale, so the bars of one row add up to about its score (a
 * conversation's sum above 100 is capped, so the parts can add up to a little more).
 */
class EffortPanel implements DashboardPanel {

  static final List<String> SERIES = List.of("Average effort", "Messages", "Hand-offs", "Reopens",
      "Channel switches", "Repeat contact", "Waiting", "Conversations");

  private final EffortReports reports;
  private final StaffDirectory staff;
  private final EffortReports.Dimension dimension;

  EffortPanel(EffortReports reports, StaffDirectory staff, EffortReports.Dimension dimension) {
    this.reports = reports;
    this.staff = staff;
    this.dimension = dimension;
  }

  @Override
  public String key() {
    return "effort-by-" + dimension.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String title() {
    return "Customer effort by " + dimension.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public DashboardSection section() {
    return DashboardSection.EFFORT;
  }

  @Override
  public int order() {
    return dimension.ordinal();
  }

  @Override
  public PanelData compute(ReportScope scope) {
    List<List<Object>> rows = new ArrayList<>();
    List<EffortReports.Group> groups;
    if (dimension == EffortReports.Dimension.PERIOD) {
      List<EffortReports.Bucket> buckets = EffortReports.buckets(scope);
      groups = reports.byPeriod(scope, buckets);
      for (int i = 0; i < buckets.size(); i++) {
        rows.add(row(buckets.get(i).label(), groups.get(i)));
      }
    } else {
      groups = reports.by(dimension, scope);
      Function<Object, String> label = labels();
      for (EffortReports.Group group : groups) {
        rows.add(row(label.apply(group.key()), group));
      }
    }
    // the groups cover the scope's conversations once each: their weighted average is the scope's
    EffortReports.Group overall = EffortReports.Group.together(groups);
    List<String> columns = new ArrayList<>();
    columns.add(switch (dimension) {
      case PERIOD -> "Period";
      case TEAM -> "Team";
      case CHANNEL -> "Channel";
      case INTENT -> "Intent";
    });
    columns.addAll(SERIES);
    return new PanelData(headline(overall), explanation(), dimension == EffortReports.Dimension.PERIOD
        ? PanelData.Chart.LINE : PanelData.Chart.BAR, columns, rows);
  }

  static String headline(EffortReports.Group overall) {
    if (overall.conversations() == 0) {
      return "No conversations opened in this period";
    }
    return "Average effort " + Math.round(overall.score()) + " of 100 over " + overall.conversations()
        + (overall.conversations() == 1 ? " conversation" : " conversations");
  }

  static String explanation() {
    return "0 is effortless: the customer asked once and got their answer. Points come from messages beyond the "
        + "first, hand-offs, reopens, channel switches, a repeat contact about the same topic within 7 days and "
        + "business time waited for replies; each column is the average points that part added, so a row's parts "
        + "add up to about its score. Lower is better. Conversations are counted in the period they were opened; "
        + "the conversation count is shown as text so that it is not drawn on the points scale.";
  }

  private Function<Object, String> labels() {
    return switch (dimension) {
      case TEAM -> {
        Map<UUID, String> names = staff.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        yield key -> key == null ? "(no team)" : names.getOrDefault(key instanceof UUID id ? id
            : UUID.fromString(key.toString()), "(removed team)");
      }
      case CHANNEL -> key -> key == null ? "(unknown)" : Arrays.stream(Channel.values())
          .filter(c -> c.name().equals(key.toString())).map(Channel::id).findFirst().orElse(key.toString());
      case INTENT -> key -> key == null ? "(not decided)" : key.toString().replace('_', ' ');
      case PERIOD -> String::valueOf;
    };
  }

  private static List<Object> row(String label, EffortReports.Group group) {
    List<Object> row = new ArrayList<>();
    row.add(label);
    for (double value : new double[] {group.score(), group.messages(), group.handoffs(), group.reopens(),
        group.channelSwitches(), group.repeatContact(), group.waited()}) {
      row.add(Double.isNaN(value) ? null : Math.round(value * 10) / 10.0);
    }
    row.add(String.valueOf(group.conversations()));
    return row;
  }
}
