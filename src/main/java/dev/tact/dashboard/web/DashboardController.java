package dev.tact.dashboard.web;

import dev.tact.dashboard.DashboardFilters;
import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.DashboardSections;
import dev.tact.dashboard.Dashboards;
import dev.tact.dashboard.DigestOptOuts;
import dev.tact.dashboard.PanelResult;
import dev.tact.dashboard.ReportScope;
import dev.tact.shared.Channel;
import dev.tact.shared.CsvWriter;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.AgentZones;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The leads' and admins' home: every panel by section, with filters, charts, tables and CSV exports. */
@UiController
class DashboardController {

  private final Dashboards dashboards;
  private final DashboardFilters filters;
  private final StaffDirectory staff;
  private final StaffPrincipals principals;
  private final AgentZones zones;
  private final DigestOptOuts digest;

  DashboardController(Dashboards dashboards, DashboardFilters filters, StaffDirectory staff,
      StaffPrincipals principals, AgentZones zones, DigestOptOuts digest) {
    this.dashboards = dashboards;
    this.filters = filters;
    this.staff = staff;
    this.principals = principals;
    this.zones = zones;
    this.digest = digest;
  }

  @GetMapping("/dashboard")
  String dashboard(@RequestParam Map<String, String> parameters, Authentication authentication, Model model,
      HttpServletResponse response) {
    if (!StaffPrincipals.isLead(authentication)) {
      return "redirect:/";
    }
    DashboardFilters.Given given = DashboardFilters.Given.of(parameters);
    ZoneId zone = zones.of(authentication);
    model.addAttribute("given", given);
    model.addAttribute("zone", zone.getId());
    model.addAttribute("teams", staff.teams());
    model.addAttribute("agents", staff.agents());
    model.addAttribute("channels", Arrays.stream(Channel.values()).map(Channel::id).toList());
    model.addAttribute("digestWanted", principals.agent(authentication).map(Agent::id).map(digest::wantsDigest)
        .orElse(false));
    ReportScope scope;
    try {
      scope = filters.scope(given, zone);
    } catch (ProblemException e) {
      response.setStatus(e.status());
      model.addAttribute("filterProblem", e.getMessage());
      model.addAttribute("sections", List.of());
      return "dashboard/dashboard";
    }
    model.addAttribute("from", LocalDate.ofInstant(scope.from(), zone));
    model.addAttribute("to", LocalDate.ofInstant(scope.to(), zone).minusDays(1));
    model.addAttribute("sections", sections(dashboards.computeAll(scope), given));
    return "dashboard/dashboard";
  }

  @GetMapping("/dashboard/panels/{key}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String key, @RequestParam Map<String, String> parameters,
      Authentication authentication) {
    requireLead(authentication);
    DashboardPanel panel = dashboards.panel(key);
    ReportScope scope = filters.scope(DashboardFilters.Given.of(parameters), zones.of(authentication));
    PanelResult result = dashboards.compute(panel, scope);
    if (result.failed()) {
      throw new ProblemException(503, "panel-failed", "Panel not available", result.problem());
    }
    StringBuilder csv = new StringBuilder(CsvWriter.row(result.data().columns()));
    result.data().rows().forEach(row -> csv.append(CsvWriter.values(row)));
    String file = key + "-" + LocalDate.ofInstant(scope.from(), scope.zone()) + "-to-"
        + LocalDate.ofInstant(scope.to(), scope.zone()).minusDays(1) + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/dashboard/digest")
  String chooseDigest(@RequestParam(defaultValue = "false") boolean wanted, Authentication authentication,
      RedirectAttributes redirect) {
    requireLead(authentication);
    Agent agent = principals.requireAgent(authentication);
    digest.choose(agent.id(), wanted);
    redirect.addFlashAttribute("notice", wanted ? "You will get the weekly digest by email."
        : "You will no longer get the weekly digest.");
    return "redirect:/dashboard";
  }

  static void requireLead(Authentication authentication) {
    if (!StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "The dashboard is for leads and admins.");
    }
  }

  static String csvUrl(String key, DashboardFilters.Given given) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dashboard/panels/" + key + ".csv");
    given.asParameters().forEach(uri::queryParam);
    return uri.encode().build().toUriString();
  }

  private static List<SectionView> sections(List<PanelResult> results, DashboardFilters.Given given) {
    List<SectionView> sections = new ArrayList<>();
    for (DashboardSection section : DashboardSection.values()) {
      List<PanelView> panels = results.stream().filter(r -> r.section() == section)
          .map(r -> PanelView.of(r, csvUrl(r.key(), given))).toList();
      if (!panels.isEmpty()) {
        sections.add(new SectionView(section, section.name().toLowerCase(Locale.ROOT).replace('_', '-'),
            DashboardSections.title(section), panels));
      }
    }
    return sections;
  }
}
