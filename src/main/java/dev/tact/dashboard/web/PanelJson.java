package dev.tact.dashboard.web;

import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelResult;
import java.util.List;

/** A panel in the API: its data for the scope asked, or the problem that kept it from being computed. */
record PanelJson(String key, String title, DashboardSection section, String headline, String explanation,
    String chart, List<String> columns, List<List<Object>> rows, String problem, long millis, String csv) {

  static PanelJson of(PanelResult r, String csv) {
    if (r.failed()) {
      return new PanelJson(r.key(), r.title(), r.section(), null, null, null, List.of(), List.of(), r.problem(),
          r.millis(), csv);
    }
    return new PanelJson(r.key(), r.title(), r.section(), r.data().headline(), r.data().explanation(),
        r.data().chart().name(), r.data().columns(), r.data().rows(), null, r.millis(), csv);
  }
}
