package dev.tact.dashboard;

import java.util.List;

/**
 * What one panel shows for one scope: a headline figure with a sentence saying how to read it, and a table whose
 * first column labels the rows (a day, a team, a channel …) and whose other columns are the series a chart draws.
 * Every chart has this table beside it and as CSV. Cells are strings, numbers or null (no value).
 */
public record PanelData(String headline, String explanation, Chart chart, List<String> columns,
    List<List<Object>> rows) {

  /** How the table is drawn: bars per row, a line over rows in time order, or no chart (the table alone). */
  public enum Chart { BAR, LINE, NONE }

  public PanelData {
    columns = List.copyOf(columns);
    rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
  }
}
