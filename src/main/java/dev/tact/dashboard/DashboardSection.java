package dev.tact.dashboard;

/** Where a panel stands on the dashboard: perception first, handle time last (the order of the constants). */
public enum DashboardSection {
  SATISFACTION,
  EFFORT,
  BACKLOG,
  REOPENED_AND_UNRESOLVED,
  SILENT_CHURN,
  INCIDENTS,
  HANDLE_TIME
}
