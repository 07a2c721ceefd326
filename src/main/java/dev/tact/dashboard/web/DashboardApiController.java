package dev.tact.dashboard.web;

import dev.tact.dashboard.DashboardFilters;
import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.Dashboards;
import dev.tact.dashboard.ReportScope;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.AgentZones;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's panels as JSON, for leads and admins (and tokens of theirs with the read scope). */
@ApiController
class DashboardApiController {

  private final Dashboards dashboards;
  private final DashboardFilters filters;
  private final AgentZones zones;

  DashboardApiController(Dashboards dashboards, DashboardFilters filters, AgentZones zones) {
    this.dashboards = dashboards;
    this.filters = filters;
    this.zones = zones;
  }

  /** The scope as the panels were computed for: dates from and to (both included) in the zone. */
  record Scope(LocalDate from, LocalDate to, String zone, String team, String agent, String channel, String intent) {

    static Scope of(ReportScope s) {
      return new Scope(LocalDate.ofInstant(s.from(), s.zone()), LocalDate.ofInstant(s.to(), s.zone()).minusDays(1),
          s.zone().getId(), s.teamId() == null ? null : s.teamId().toString(),
          s.agentId() == null ? null : s.agentId().toString(), s.channel() == null ? null : s.channel().id(),
          s.intent());
    }
  }

  record Panels(Scope scope, List<PanelJson> panels) {}

  record Panel(Scope scope, PanelJson panel) {}

  @GetMapping("/api/v1/dashboard/panels")
  Panels panels(@RequestParam Map<String, String> parameters, Authentication authentication) {
    DashboardController.requireLead(authentication);
    DashboardFilters.Given given = DashboardFilters.Given.of(parameters);
    ReportScope scope = filters.scope(given, zones.of(authentication));
    return new Panels(Scope.of(scope), dashboards.computeAll(scope).stream()
        .map(r -> PanelJson.of(r, DashboardController.csvUrl(r.key(), given))).toList());
  }

  @GetMapping("/api/v1/dashboard/panels/{key}")
  Panel panel(@PathVariable String key, @RequestParam Map<String, String> parameters, Authentication authentication) {
    DashboardController.requireLead(authentication);
    DashboardPanel panel = dashboards.panel(key);
    DashboardFilters.Given given = DashboardFilters.Given.of(parameters);
    ReportScope scope = filters.scope(given, zones.of(authentication));
    return new Panel(Scope.of(scope), PanelJson.of(dashboards.compute(panel, scope),
        DashboardController.csvUrl(key, given)));
  }
}
