package dev.tact.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardsTests {

  static final ReportScope WEEK = new ReportScope(Instant.parse("2026-03-02T00:00:00Z"),
      Instant.parse("2026-03-09T00:00:00Z"), ZoneOffset.UTC, null, null, null, null);

  record Panel(String key, DashboardSection section, int order, RuntimeException failure) implements DashboardPanel {

    @Override
    public String title() {
      return "Title of " + key;
    }

    @Override
    public PanelData compute(ReportScope scope) {
      if (failure != null) {
        throw failure;
      }
      return new PanelData(key + " headline", "how to read it", PanelData.Chart.NONE, List.of("Row", "Value"),
          List.of(List.of("a", 1)));
    }
  }

  @Test
  void shouldOrderPanelsBySectionThenOrderThenKey() {
    Dashboards dashboards = new Dashboards(List.of(
        new Panel("handle", DashboardSection.HANDLE_TIME, 0, null),
        new Panel("backlog-b", DashboardSection.BACKLOG, 1, null),
        new Panel("backlog-a", DashboardSection.BACKLOG, 1, null),
        new Panel("backlog-first", DashboardSection.BACKLOG, 0, null),
        new Panel("satisfaction", DashboardSection.SATISFACTION, 5, null)));

    assertThat(dashboards.panels().stream().map(DashboardPanel::key))
        .containsExactly("satisfaction", "backlog-first", "backlog-a", "backlog-b", "handle");
  }

  @Test
  void shouldShowAFailingPanelsProblemAndStillComputeTheOthers() {
    Dashboards dashboards = new Dashboards(List.of(
        new Panel("broken", DashboardSection.EFFORT, 0, new IllegalStateException("the table is missing")),
        new Panel("fine", DashboardSection.BACKLOG, 0, null)));

    List<PanelResult> results = dashboards.computeAll(WEEK);

    assertThat(results.get(0).failed()).isTrue();
    assertThat(results.get(0).problem()).contains("could not be computed").contains("IllegalStateException")
        .doesNotContain("the table is missing");
    assertThat(results.get(1).data().headline()).isEqualTo("fine headline");
  }

  @Test
  void shouldRefuseTwoPanelsWithOneKeyOrAKeyThatIsNoUrlWord() {
    assertThatThrownBy(() -> new Dashboards(List.of(new Panel("same", DashboardSection.EFFORT, 0, null),
        new Panel("same", DashboardSection.BACKLOG, 0, null)))).hasMessageContaining("share a key");
    assertThatThrownBy(() -> new Dashboards(List.of(new Panel("Not a key", DashboardSection.EFFORT, 0, null))))
        .hasMessageContaining("Not a key");
  }
}
