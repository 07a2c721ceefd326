package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import dev.tact.staff.Tier;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Staff → Teams: creating, renaming and deleting teams, their members and leads (members at tier lead). */
@UiController
@RequestMapping("/admin/staff/teams")
class TeamAdminController {

  private final StaffDirectory staff;

  TeamAdminController(StaffDirectory staff) {
    this.staff = staff;
  }

  @GetMapping
  String teams(Model model) {
    List<Team> teams = staff.teams();
    model.addAttribute("teams", teams);
    model.addAttribute("members", teams.stream().collect(java.util.stream.Collectors.toMap(Team::id,
        t -> staff.teamMembers(t.id()))));
    return "staff/teams";
  }

  @PostMapping
  String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
    try {
      Team team = staff.createTeam(name);
      redirect.addFlashAttribute("notice", "Team " + team.name() + " created.");
      return "redirect:/admin/staff/teams/" + team.id();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/admin/staff/teams";
    }
  }

  @GetMapping("/{id}")
  String team(@PathVariable UUID id, Model model) {
    Team team = staff.requireTeam(id);
    List<StaffDirectory.TeamMember> members = staff.teamMembers(id);
    model.addAttribute("team", team);
    model.addAttribute("members", members);
    model.addAttribute("tiers", Tier.values());
    List<UUID> memberIds = members.stream().map(m -> m.agent().id()).toList();
    model.addAttribute("others", staff.agents().stream().filter(a -> !memberIds.contains(a.id())).toList());
    return "staff/team";
  }

  @PostMapping("/{id}/name")
  String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Team renamed.", () -> staff.renameTeam(id, name));
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      String name = staff.requireTeam(id).name();
      staff.deleteTeam(id);
      redirect.addFlashAttribute("notice", "Team " + name + " deleted.");
      return "redirect:/admin/staff/teams";
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:" + page(id);
    }
  }

  @PostMapping("/{id}/members")
  String add(@PathVariable UUID id, @RequestParam UUID agentId, @RequestParam(defaultValue = "FIRST_LINE") String tier,
      RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Member added.", () -> staff.addMember(id, agentId, tier(tier)));
  }

  @PostMapping("/{id}/members/{agentId}/tier")
  String tier(@PathVariable UUID id, @PathVariable UUID agentId, @RequestParam(defaultValue = "") String tier,
      RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Tier saved.", () -> staff.setTier(id, agentId, tier(tier)));
  }

  @PostMapping("/{id}/members/{agentId}/remove")
  String remove(@PathVariable UUID id, @PathVariable UUID agentId, RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Member removed.", () -> staff.removeMember(id, agentId));
  }

  private static Tier tier(String value) {
    Tier tier = Tier.parse(value);
    if (tier == null) {
      throw ProblemException.invalid("invalid-tier", "Choose first line, specialist or lead.");
    }
    return tier;
  }

  private static String page(UUID id) {
    return "/admin/staff/teams/" + id;
  }
}
