package dev.tact.dashboard;

import dev.tact.shared.ProblemException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Every {@link DashboardPanel} bean in the dashboard's order: by section (perception first), then order, then key. */
@Service
public class Dashboards {

  private static final Logger log = LoggerFactory.getLogger(Dashboards.class);
  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final List<DashboardPanel> panels;

  Dashboards(List<DashboardPanel> panels) {
    this.panels = panels.stream()
        .sorted(Comparator.comparing(DashboardPanel::section).thenComparingInt(DashboardPanel::order)
            .thenComparing(DashboardPanel::key))
        .toList();
    for (DashboardPanel panel : this.panels) {
      if (!KEY.matcher(panel.key()).matches()) {
        throw new IllegalStateException("Dashboard panel key '" + panel.key() + "' is not lowercase words joined by"
            + " hyphens");
      }
    }
    long distinct = this.panels.stream().map(DashboardPanel::key).distinct().count();
    if (distinct != this.panels.size()) {
      throw new IllegalStateException("Two dashboard panels share a key: " + this.panels.stream()
          .map(DashboardPanel::key).toList());
    }
  }

  public List<DashboardPanel> panels() {
    return panels;
  }

  public DashboardPanel panel(String key) {
    return panels.stream().filter(p -> p.key().equals(key)).findFirst()
        .orElseThrow(() -> new ProblemException(404, "dashboard-panel-not-found", "Not found",
            "There is no dashboard panel '" + key + "'."));
  }

  public List<PanelResult> computeAll(ReportScope scope) {
    return panels.stream().map(panel -> compute(panel, scope)).toList();
  }

  /** The panel's data, or its failure as a sentence: one panel that throws never takes the page down. */
  public PanelResult compute(DashboardPanel panel, ReportScope scope) {
    long started = System.nanoTime();
    try {
      PanelData data = panel.compute(scope);
      return new PanelResult(panel.key(), panel.title(), panel.section(), data, null, elapsed(started));
    } catch (ProblemException e) {
      return new PanelResult(panel.key(), panel.title(), panel.section(), null, e.getMessage(), elapsed(started));
    } catch (RuntimeException e) {
      log.warn("Dashboard panel {} failed for {}", panel.key(), scope, e);
      return new PanelResult(panel.key(), panel.title(), panel.section(), null,
          "This panel could not be computed just now (" + e.getClass().getSimpleName()
              + "); the server log has the details.", elapsed(started));
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
