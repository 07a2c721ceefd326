package dev.tact.dashboard;

/**
 * One panel computed for one scope: its data, or the readable reason it could not be computed (the rest of the
 * dashboard still shows), and how long it took.
 */
public record PanelResult(String key, String title, DashboardSection section, PanelData data, String problem,
    long millis) {

  public boolean failed() {
    return data == null;
  }
}
