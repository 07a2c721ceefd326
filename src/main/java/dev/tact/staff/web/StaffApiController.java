package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import dev.tact.staff.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

@ApiController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff", description = "Agents and teams, to find ids for assignment")
class StaffApiController {

  record Availability(Boolean available, Integer capacity) {}

  record Membership(String tier) {}

  private final StaffDirectory staff;
  private final StaffPrincipals principals;

  StaffApiController(StaffDirectory staff, StaffPrincipals principals) {
    this.staff = staff;
    this.principals = principals;
  }

  @GetMapping("/agents")
  List<Agent> agents() {
    return staff.agents();
  }

  @GetMapping("/teams")
  List<Team> teams() {
    return staff.teams();
  }

  @Operation(summary = "A team member's escalation tier", description = "first_line, specialist or lead; leads and admins")
  @PutMapping("/teams/{teamId}/members/{agentId}")
  void tier(@PathVariable UUID teamId, @PathVariable UUID agentId, @RequestBody Membership body,
      Authentication authentication) {
    if (!StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may set tiers.");
    }
    Tier tier = body == null ? null : Tier.parse(body.tier());
    if (tier == null) {
      throw ProblemException.invalid("invalid-tier", "tier must be first_line, specialist or lead.");
    }
    staff.setTier(teamId, agentId, tier);
  }

  @Operation(summary = "Whether an agent takes new conversations, and how many open ones at most",
      description = "The front door assigns new conversations only to available agents under their capacity. "
          + "Agents set their own; leads and admins anyone's.")
  @PutMapping("/agents/{id}/availability")
  Agent availability(@PathVariable UUID id, @RequestBody Availability body, Authentication authentication) {
    boolean self = principals.agent(authentication).map(a -> a.id().equals(id)).orElse(false);
    if (!self && !StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may set another agent's availability.");
    }
    if (body == null || body.available() == null || body.capacity() == null) {
      throw ProblemException.invalid("invalid-availability", "Give available (true or false) and capacity (0–500).");
    }
    return staff.setAvailability(id, body.available(), body.capacity());
  }
}
