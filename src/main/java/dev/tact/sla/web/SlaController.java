package dev.tact.sla.web;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.sla.SlaBadge;
import dev.tact.sla.SlaClocks;
import dev.tact.sla.SlaNotifications;
import dev.tact.sla.SlaReport;
import dev.tact.sla.SlaReports;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SLA queue (breached, due soon) and the SLA report per team. */
@UiController
class SlaController {

  private final SlaClocks clocks;
  private final SlaReports reports;
  private final ConversationManagement conversations;
  private final StaffDirectory staff;
  private final Clock clock;
  private final SlaNotifications notifications;
  private final StaffPrincipals principals;

  SlaController(SlaClocks clocks, SlaReports reports, ConversationManagement conversations, StaffDirectory staff,
      Clock clock, SlaNotifications notifications, StaffPrincipals principals) {
    this.notifications = notifications;
    this.principals = principals;
    this.clocks = clocks;
    this.reports = reports;
    this.conversations = conversations;
    this.staff = staff;
    this.clock = clock;
  }

  @GetMapping("/sla/queue")
  String queue(@RequestParam(defaultValue = "breached") String state, @RequestParam(required = false) UUID team,
      Authentication authentication, Model model) {
    // the unread count is the navigation's (NavCounts: slaUnread)
    model.addAttribute("notifications", principals.agent(authentication).map(a -> notifications.forAgent(a.id(), 20))
        .orElse(List.of()));
    boolean breached = !"due-soon".equals(state);
    List<ConversationSummary> rows = clocks.needingAttention(team, breached, 100).stream()
        .map(id -> conversations.findByReference(id.toString())).flatMap(Optional::stream).toList();
    List<Team> teams = staff.teams();
    model.addAttribute("rows", rows);
    List<UUID> ids = rows.stream().map(ConversationSummary::id).toList();
    model.addAttribute("slaBadges", SlaBadge.of(clocks.states(ids), ids));
    model.addAttribute("state", breached ? "breached" : "due-soon");
    model.addAttribute("team", team);
    model.addAttribute("teams", teams);
    model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(Team::id, Team::name)));
    return "sla/queue";
  }

  @PostMapping("/sla/notifications/{id}/read")
  String markRead(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
    return Flash.run(redirect, "/sla/queue", null, () -> {
      Agent agent = principals.agent(authentication)
          .orElseThrow(() -> ProblemException.notFound("sla-notification", id));
      notifications.markRead(id, agent.id());
    });
  }

  @PostMapping("/sla/notifications/read")
  String markAllRead(Authentication authentication, RedirectAttributes redirect) {
    int marked = principals.agent(authentication)
        .map(a -> notifications.markAllRead(a.id())).orElse(0);
    redirect.addFlashAttribute("notice",
        marked == 1 ? "1 notification marked read." : marked + " notifications marked read.");
    return "redirect:/sla/queue";
  }

  @GetMapping("/sla/report")
  String report(@RequestParam(required = false) UUID team, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Model model) {
    List<Team> teams = staff.teams();
    LocalDate today = LocalDate.now(clock);
    LocalDate fromDate = parse(from, today.minusDays(29));
    LocalDate toDate = parse(to, today);
    UUID chosen = team != null ? team : teams.stream().findFirst().map(Team::id).orElse(null);
    SlaReport report = chosen == null ? null : reports.report(chosen, fromDate, toDate);
    Map<UUID, String> names = teams.stream().collect(Collectors.toMap(Team::id, Team::name));
    model.addAttribute("teams", teams);
    model.addAttribute("team", chosen);
    model.addAttribute("teamName", chosen == null ? "" : names.getOrDefault(chosen, ""));
    model.addAttribute("from", fromDate);
    model.addAttribute("to", toDate);
    model.addAttribute("report", report);
    return "sla/report";
  }

  private static LocalDate parse(String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("invalid-date", "'" + value + "' is not a date such as 2026-11-01.");
    }
  }
}
