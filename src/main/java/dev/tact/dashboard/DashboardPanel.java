package dev.tact.dashboard;

/**
 * One panel of the dashboard, contributed by the module that owns its data (as a Spring bean). {@link #compute}
 * answers within the dashboard's budget (300 ms at a million conversations on PostgreSQL): read summary tables
 * kept up to date by events rather than scanning messages.
 */
public interface DashboardPanel {

  /** A stable name for URLs and CSV files: lowercase words joined by hyphens, e.g. {@code satisfaction-by-team}. */
  String key();

  /** The panel's title as the page shows it. */
  String title();

  DashboardSection section();

  /** The order within its section (smaller first). */
  default int order() {
    return 0;
  }

  PanelData compute(ReportScope scope);
}
