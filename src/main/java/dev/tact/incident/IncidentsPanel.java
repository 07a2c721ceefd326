package dev.tact.incident;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The incidents that started in the period: how fast customers heard, how many reported it, how many were told. */
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
    List<List<Object>> rows = new ArrayList<>();
    List<Long> minutes = new ArrayList<>();
    long reporters = 0;
    for (IncidentStore.FiguresRow i : incidents) {
      List<Object> row = new ArrayList<>();
      row.add("INC-" + i.number() + " " + i.title());
      row.add(i.minutesToFirstUpdate());
      row.add(i.reporters());
      row.add(i.conversations());
      row.add(i.notices());
      rows.add(row);
      reporters += i.reporters();
      if (i.minutesToFirstUpdate() != null) {
        minutes.add(i.minutesToFirstUpdate());
      }
    }
    String headline = incidents.isEmpty() ? "No incidents in the period"
        : incidents.size() + (incidents.size() == 1 ? " incident" : " incidents") + ", " + reporters
            + " customers reported them; first public update after " + median(minutes) + " (median)";
    boolean narrowed = scope.teamId() != null || scope.agentId() != null || scope.channel() != null
        || scope.intent() != null;
    String explanation = "Incidents that started in the period: minutes from the start to the first update "
        + "customers could read, distinct customers whose messages were linked to it, conversations linked, and "
        + "notices queued over its updates. A slow first update means customers found out before we told them."
        + (narrowed ? " Incidents concern everyone: the team, agent, channel and intent filters do not narrow them."
            : "");
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
