package dev.tact.dashboard;

import java.util.Map;

/** The headings of the dashboard's sections, in the words the page shows. */
public final class DashboardSections {

  private static final Map<DashboardSection, String> TITLES = Map.of(
      DashboardSection.SATISFACTION, "Satisfaction",
      DashboardSection.EFFORT, "Customer effort",
      DashboardSection.BACKLOG, "Backlog age",
      DashboardSection.REOPENED_AND_UNRESOLVED, "Reopened and unresolved work",
      DashboardSection.SILENT_CHURN, "Silent churn",
      DashboardSection.INCIDENTS, "Incidents",
      DashboardSection.HANDLE_TIME, "Handle time");

  private DashboardSections() {}

  public static String title(DashboardSection section) {
    return TITLES.get(section);
  }
}
