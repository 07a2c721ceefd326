package dev.tact.dashboard.web;

import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.PanelResult;
import dev.tact.dashboard.SvgChart;
import java.util.List;

/** What the page shows of one panel: its data or its problem, the chart drawn beforehand, the CSV link. */
record PanelView(String key, String title, PanelData data, String chartSvg, String problem, String csvUrl,
    List<List<String>> cells) {

  static PanelView of(PanelResult result, String csvUrl) {
    PanelData data = result.data();
    List<List<String>> cells = data == null ? List.of()
        : data.rows().stream().map(row -> row.stream().map(PanelView::cell).toList()).toList();
    return new PanelView(result.key(), result.title(), data, SvgChart.render(data), result.problem(), csvUrl, cells);
  }

  static String cell(Object value) {
    if (value == null) {
      return "—";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
          : String.format(java.util.Locale.ROOT, "%.1f", d);
    }
    return value.toString();
  }
}
