package dev.tact.incident;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The incidents that started in the period: how fast customers heard, how many reported it, how many were told.
 * Narrowed by team, agent, channel or intent, it keeps the incidents reported in conversations that match (their
 * team, assignee, channel and intent tags now, as each link keeps them: {@link LinkFilings}) and counts only those
 * reporters and conversations.
 */
@Component
class IncidentsPanel implements DashboardPanel {

  static final int LIMIT = 200;

  private final IncidentStore store;

  IncidentsPanel(IncidentStore store) {
    this.store = store;
  }

  @Override
  public String key() {
    return "incidents";
  }

  @Override
  public String title() {
    return "Incidents";
  }

  @Override
  public DashboardSection section() {
    return DashboardSection.INCIDENTS;
  }

  @Override
  public PanelData compute(ReportScope scope) {
    List<IncidentStore.FiguresRow> incidents = store.figuresStartedBetween(scope.from(), scope.to(), LIMIT);
    boolean narrowed = scope.teamId() != null || scope.agentId() != null || scope.channel() != null
        || scope.intent() != null;
    Map<Long, IncidentStore.Reports> matching = narrowed ? store.reportsFiledUnder(scope.from(), scope.to(), LIMIT,
        scope.teamId(), scope.agentId(), scope.channel() == null ? null : scope.channel().name(),
        scope.intent() == null ? null : LinkFiling.intentTag(scope.intent())) : Map.of();
    List<List<Object>> rows = new ArrayList<>();
    List<Long> minutes = new ArrayList<>();
    long reporters = 0;
    int shown = 0;
    for (IncidentStore.FiguresRow i : incidents) {
      IncidentStore.Reports reports = narrowed ? matching.get(i.number())
          : new IncidentStore.Reports(i.reporters(), i.conversations());
      if (reports == null) {
        continue; // narrowed: no conversation that matches reported it
      }
      List<Object> row = new ArrayList<>();
      row.add("INC-" + i.number() + " " + i.title());
      row.add(i.minutesToFirstUpdate());
      row.add(reports.reporters());
      row.add(reports.conversations());
      row.add(i.notices());
      rows.add(row);
      shown++;
      reporters += reports.reporters();
      if (i.minutesToFirstUpdate() != null) {
        minutes.add(i.minutesToFirstUpdate());
      }
    }
    String headline = shown == 0 ? (narrowed ? "No incidents reported in the filtered conversations"
        : "No incidents in the period")
        : shown + (shown == 1 ? " incident" : " incidents") + ", " + reporters
            + " customers reported them; first public update after " + median(minutes) + " (median)";
    String explanation = "Incidents that started in the period: minutes from the start to the first update "
        + "customers could read, distinct customers whose messages were linked to it, conversations linked, and "
        + "notices queued over its updates. A slow first update means customers found out before we told them."
        + (narrowed ? " Filtered by team, agent, channel or intent, the panel shows the incidents reported in "
            + "conversations that match now (their team, assignee, channel and intent), and counts only those "
            + "reporters and conversations; an incident nobody reported in them is left out. The minutes to the "
            + "first update and the notices concern the whole incident and are not narrowed." : "");
    return new PanelData(headline, explanation, PanelData.Chart.BAR,
        List.of("Incident", "Minutes to first public update", "Reporters", "Conversations linked", "Notices queued"),
        rows);
  }

  private static String median(List<Long> minutes) {
    if (minutes.isEmpty()) {
      return "—";
    }
    List<Long> sorted = minutes.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2) + " min";
  }
}
