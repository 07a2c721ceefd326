package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.AgentAdministration;
import dev.tact.staff.AgentState;
import dev.tact.staff.Invitations;
import dev.tact.staff.IssuedLink;
import dev.tact.staff.PasswordResets;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Staff: everyone on the staff, inviting someone, and one agent's page (role, teams, deactivation, reset
 * link). A link just made is shown on the response to the form only, never stored in the session or shown again.
 */
@UiController
@RequestMapping("/admin/staff")
class StaffAdminController {

  private final AgentAdministration agents;
  private final Invitations invitations;
  private final PasswordResets resets;
  private final StaffDirectory staff;

  StaffAdminController(AgentAdministration agents, Invitations invitations, PasswordResets resets,
      StaffDirectory staff) {
    this.agents = agents;
    this.invitations = invitations;
    this.resets = resets;
    this.staff = staff;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("members", agents.list());
    model.addAttribute("teams", staff.teams());
    model.addAttribute("roles", Role.values());
    model.addAttribute("form", new InviteForm("", "", Role.AGENT.name(), List.of()));
    return "staff/agents";
  }

  record InviteForm(String email, String displayName, String role, List<UUID> teamIds) {}

  @PostMapping("/invite")
  String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "AGENT") String role, @RequestParam(required = false) List<UUID> teamIds,
      Authentication authentication, Model model) {
    List<UUID> teams = teamIds == null ? List.of() : teamIds;
    try {
      IssuedLink issued = invitations.invite(new Invitations.Request(email, displayName, Role.parse(role), teams),
          nameOf(authentication));
      list(model);
      model.addAttribute("issued", issued);
      model.addAttribute("issuedKind", "invitation");
    } catch (ProblemException e) {
      list(model);
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("form", new InviteForm(email, displayName, role, teams));
    }
    return "staff/agents";
  }

  @GetMapping("/agents/{id}")
  String agent(@PathVariable UUID id, Model model) {
    AgentAdministration.StaffMember member = agents.member(id);
    model.addAttribute("member", member);
    model.addAttribute("agent", member.agent());
    model.addAttribute("roles", Role.values());
    model.addAttribute("tiers", Tier.values());
    List<UUID> memberOf = member.teams().stream().map(StaffDirectory.Membership::teamId).toList();
    model.addAttribute("otherTeams", staff.teams().stream().filter(t -> !memberOf.contains(t.id())).toList());
    return "staff/agent";
  }

  @PostMapping("/agents/{id}/role")
  String role(@PathVariable UUID id, @RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Role saved.", () -> agents.changeRole(id, Role.parse(role)));
  }

  @PostMapping("/agents/{id}/name")
  String name(@PathVariable UUID id, @RequestParam(defaultValue = "") String displayName,
      RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Name saved.", () -> agents.rename(id, displayName));
  }

  @PostMapping("/agents/{id}/teams")
  String addToTeam(@PathVariable UUID id, @RequestParam UUID teamId, @RequestParam(defaultValue = "FIRST_LINE") String tier,
      RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Added to the team.", () -> staff.addMember(teamId, id, tier(tier)));
  }

  @PostMapping("/agents/{id}/teams/{teamId}/tier")
  String tier(@PathVariable UUID id, @PathVariable UUID teamId, @RequestParam(defaultValue = "") String tier,
      RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Tier saved.", () -> staff.setTier(teamId, id, tier(tier)));
  }

  @PostMapping("/agents/{id}/teams/{teamId}/remove")
  String removeFromTeam(@PathVariable UUID id, @PathVariable UUID teamId, RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Removed from the team.", () -> staff.removeMember(teamId, id));
  }

  @PostMapping("/agents/{id}/deactivate")
  String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Deactivated: they cannot sign in any more, and their open conversations "
        + "went back to their teams' queues.", () -> agents.deactivate(id));
  }

  @PostMapping("/agents/{id}/reactivate")
  String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, page(id), "Reactivated: they can sign in again with their password.",
        () -> agents.reactivate(id));
  }

  @PostMapping("/agents/{id}/password-reset")
  String passwordReset(@PathVariable UUID id, Model model) {
    return showing(id, model, "password reset", () -> resets.sendFor(id));
  }

  @PostMapping("/agents/{id}/invitation")
  String resendInvitation(@PathVariable UUID id, Authentication authentication, Model model) {
    return showing(id, model, "invitation", () -> invitations.resend(id, nameOf(authentication)));
  }

  @PostMapping("/agents/{id}/invitation/revoke")
  String revokeInvitation(@PathVariable UUID id, RedirectAttributes redirect) {
    String back = staff.requireAgent(id).state() == AgentState.INVITED ? "/admin/staff" : page(id);
    return Flash.run(redirect, back, "Invitation withdrawn.", () -> invitations.revoke(id));
  }

  /** Runs an action that makes a link and shows the agent's page with it, once. */
  private String showing(UUID id, Model model, String kind, Supplier<IssuedLink> action) {
    try {
      IssuedLink issued = action.get();
      model.addAttribute("issued", issued);
      model.addAttribute("issuedKind", kind);
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
    }
    return agent(id, model);
  }

  private String nameOf(Authentication authentication) {
    return staff.findAgentByEmail(authentication.getName()).map(a -> a.displayName()).orElse(null);
  }

  private static Tier tier(String value) {
    Tier tier = Tier.parse(value);
    if (tier == null) {
      throw ProblemException.invalid("invalid-tier", "Choose first line, specialist or lead.");
    }
    return tier;
  }

  private static String page(UUID id) {
    return "/admin/staff/agents/" + id;
  }
}
