package dev.tact.sla.web;

import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.sla.SlaPolicies;
import dev.tact.sla.SlaPolicyDraft;
import dev.tact.sla.TeamCalendars;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for service targets: each team's calendar and closures, and the ordered SLA policies. */
@UiController
@RequestMapping("/admin/sla")
class SlaAdminController {

  record CalendarForm(String zone, String hours, String country, String subdivision, Boolean bankHolidays) {}

  /** A closure: dates (firstDay, lastDay) or a local range in the team's zone (from, to as date-time). */
  record ClosureForm(String label, String firstDay, String lastDay, String from, String to) {}

  /** Conditions as comma-separated words; empty for any. */
  record PolicyForm(String name, String priorities, String intents, String customerTiers, List<String> teamIds,
      Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes, Integer warnAtPercent,
      Integer position) {

    SlaPolicyDraft draft() {
      return new SlaPolicyDraft(name, words(priorities), words(intents), words(customerTiers),
          teamIds == null ? List.of() : teamIds, firstResponseMinutes, nextResponseMinutes, resolutionMinutes,
          warnAtPercent, position);
    }

    private static List<String> words(String text) {
      return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
  }

  private final TeamCalendars calendars;
  private final SlaPolicies policies;
  private final StaffDirectory staff;

  SlaAdminController(TeamCalendars calendars, SlaPolicies policies, StaffDirectory staff) {
    this.calendars = calendars;
    this.policies = policies;
    this.staff = staff;
  }

  @GetMapping
  String page(@org.springframework.web.bind.annotation.RequestParam(required = false) UUID edit, Model model) {
    model.addAttribute("editing", edit == null ? null : policies.require(edit));
    List<Team> teams = staff.teams();
    Map<UUID, String> teamNames = teams.stream().collect(Collectors.toMap(Team::id, Team::name));
    model.addAttribute("calendars", calendars.all());
    model.addAttribute("teamNames", teamNames);
    model.addAttribute("teams", teams);
    model.addAttribute("policies", policies.list());
    return "sla/admin";
  }

  @PostMapping("/calendars/{teamId}")
  String saveCalendar(@PathVariable UUID teamId, @ModelAttribute CalendarForm form, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "Calendar saved.", () -> calendars.save(teamId, form.zone(),
        TeamCalendars.parseHours(form.hours()), form.country(), form.subdivision(),
        Boolean.TRUE.equals(form.bankHolidays())));
  }

  @PostMapping("/calendars/{teamId}/reset")
  String reset(@PathVariable UUID teamId, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "The team uses the default calendar again.",
        () -> calendars.reset(teamId));
  }

  @PostMapping("/calendars/{teamId}/closures")
  String addClosure(@PathVariable UUID teamId, @ModelAttribute ClosureForm form, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "Closure added.", () -> {
      boolean range = !blank(form.from()) || !blank(form.to());
      java.time.ZoneId zone = calendars.calendar(teamId).zone();
      calendars.addClosure(teamId, form.label(), range ? null : date(form.firstDay()),
          range ? null : date(form.lastDay()), range ? local(form.from(), zone) : null,
          range ? local(form.to(), zone) : null);
    });
  }

  @PostMapping("/calendars/{teamId}/closures/{closureId}/delete")
  String deleteClosure(@PathVariable UUID teamId, @PathVariable UUID closureId, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "Closure removed.", () -> calendars.deleteClosure(teamId, closureId));
  }

  @PostMapping("/policies")
  String addPolicy(@ModelAttribute PolicyForm form, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "Policy added.", () -> policies.create(form.draft()));
  }

  @PostMapping("/policies/{id}")
  String updatePolicy(@PathVariable UUID id, @ModelAttribute PolicyForm form, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "Policy saved.", () -> policies.update(id, form.draft()));
  }

  @PostMapping("/policies/{id}/delete")
  String deletePolicy(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sla", "Policy removed.", () -> policies.delete(id));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDate date(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw dev.tact.shared.ProblemException.invalid("invalid-date", "'" + value + "' is not a date such as 2026-12-24.");
    }
  }

  private static Instant local(String value, java.time.ZoneId zone) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw dev.tact.shared.ProblemException.invalid("invalid-instant",
          "'" + value + "' is not a date and time such as 2026-12-24T13:00.");
    }
  }
}
