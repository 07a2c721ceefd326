package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.AgentAdministration.StaffMember;
import dev.tact.staff.AgentAdministration;
import dev.tact.staff.Invitations;
import dev.tact.staff.IssuedLink;
import dev.tact.staff.PasswordResets;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import dev.tact.staff.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Staff administration for admins: invitations, roles, deactivation, reset links, teams and their members. */
@ApiController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Staff administration", description = "Admin role only")
class StaffAdminApiController {

  record InviteRequest(String email, String displayName, String role, List<UUID> teamIds) {}

  record AgentChange(String role, String displayName) {}

  record TeamRequest(String name) {}

  record MemberRequest(String tier) {}

  /** A link just made, shown this once: mail may not be set up, and the admin can pass it on. */
  record LinkResponse(StaffMember member, String url, Instant expiresAt) {}

  private final AgentAdministration agents;
  private final Invitations invitations;
  private final PasswordResets resets;
  private final StaffDirectory staff;
  private final StaffPrincipals principals;

  StaffAdminApiController(AgentAdministration agents, Invitations invitations, PasswordResets resets,
      StaffDirectory staff, StaffPrincipals principals) {
    this.agents = agents;
    this.invitations = invitations;
    this.resets = resets;
    this.staff = staff;
    this.principals = principals;
  }

  @Operation(summary = "Everyone on the staff", description = "With teams, state (invited, active, deactivated) and last sign-in")
  @GetMapping("/agents")
  List<StaffMember> list() {
    return agents.list();
  }

  @Operation(summary = "Invite someone by email",
      description = "They are invited (cannot sign in) until they choose a password with the link mailed to them. "
          + "The link is in this response only, for when mail is not set up; it is stored as a hash.")
  @PostMapping("/agents")
  @ResponseStatus(HttpStatus.CREATED)
  LinkResponse invite(@RequestBody InviteRequest request, Authentication authentication) {
    require(request);
    Role role = request.role() == null ? Role.AGENT : Role.parse(request.role());
    IssuedLink link = invitations.invite(new Invitations.Request(request.email(), request.displayName(), role,
        request.teamIds()), principals.name(authentication));
    return response(link);
  }

  @GetMapping("/agents/{id}")
  StaffMember agent(@PathVariable UUID id) {
    return agents.member(id);
  }

  @Operation(summary = "Change an agent's role and/or name", description = "role: agent, lead or admin. The last active admin keeps the admin role (409 last-admin).")
  @PatchMapping("/agents/{id}")
  StaffMember change(@PathVariable UUID id, @RequestBody AgentChange change) {
    require(change);
    agents.update(id, change.role() == null ? null : Role.parse(change.role()), change.displayName());
    return agents.member(id);
  }

  @Operation(summary = "Deactivate an agent", description = "They cannot sign in, their sessions end, their open conversations go back to their teams' queues.")
  @PostMapping("/agents/{id}/deactivate")
  StaffMember deactivate(@PathVariable UUID id) {
    agents.deactivate(id);
    return agents.member(id);
  }

  @PostMapping("/agents/{id}/reactivate")
  StaffMember reactivate(@PathVariable UUID id) {
    agents.reactivate(id);
    return agents.member(id);
  }

  @Operation(summary = "Mail an agent a password reset link", description = "The link is in this response only.")
  @PostMapping("/agents/{id}/password-reset")
  LinkResponse passwordReset(@PathVariable UUID id) {
    return response(resets.sendFor(id));
  }

  @Operation(summary = "Send an invited agent a new invitation link", description = "The earlier link stops working.")
  @PostMapping("/agents/{id}/invitation")
  LinkResponse resendInvitation(@PathVariable UUID id, Authentication authentication) {
    return response(invitations.resend(id, principals.name(authentication)));
  }

  @Operation(summary = "Withdraw an invitation", description = "The link stops working and the invited person leaves the staff.")
  @DeleteMapping("/agents/{id}/invitation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeInvitation(@PathVariable UUID id) {
    invitations.revoke(id);
  }

  @PostMapping("/teams")
  @ResponseStatus(HttpStatus.CREATED)
  Team createTeam(@RequestBody TeamRequest request) {
    require(request);
    return staff.createTeam(request.name());
  }

  @PatchMapping("/teams/{id}")
  Team renameTeam(@PathVariable UUID id, @RequestBody TeamRequest request) {
    require(request);
    return staff.renameTeam(id, request.name());
  }

  @Operation(summary = "Delete a team", description = "Refused (409 team-in-use) while it has conversations not closed, or mailboxes or routing send work to it.")
  @DeleteMapping("/teams/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteTeam(@PathVariable UUID id) {
    staff.deleteTeam(id);
  }

  @Operation(summary = "Add an agent to a team, or set their tier there", description = "tier: first_line (default), specialist or lead (a team lead)")
  @PutMapping("/teams/{id}/members/{agentId}")
  List<StaffDirectory.TeamMember> addMember(@PathVariable UUID id, @PathVariable UUID agentId,
      @RequestBody(required = false) MemberRequest request) {
    Tier tier = Tier.FIRST_LINE;
    if (request != null && request.tier() != null) {
      tier = Tier.parse(request.tier());
      if (tier == null) {
        throw ProblemException.invalid("invalid-tier", "tier must be first_line, specialist or lead.");
      }
    }
    staff.addMember(id, agentId, tier);
    return staff.teamMembers(id);
  }

  @DeleteMapping("/teams/{id}/members/{agentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(@PathVariable UUID id, @PathVariable UUID agentId) {
    staff.removeMember(id, agentId);
  }

  private LinkResponse response(IssuedLink link) {
    return new LinkResponse(agents.member(link.agent().id()), link.url(), link.expiresAt());
  }

  private static void require(Object body) {
    if (body == null) {
      throw ProblemException.invalid("missing-body", "Send a JSON body.");
    }
  }
}
