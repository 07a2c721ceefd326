package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.TeamSkills;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
@Tag(name = "Staff", description = "Agents and teams, to find ids for assignment")
class TeamSkillsApiController {

  record SkillsRequest(List<String> languages, List<String> products) {}

  private final TeamSkills skills;

  TeamSkillsApiController(TeamSkills skills) {
    this.skills = skills;
  }

  @GetMapping("/api/v1/staff/teams/{teamId}/skills")
  TeamSkills.Skills skills(@PathVariable UUID teamId) {
    return skills.of(teamId);
  }

  @Operation(summary = "A team's languages and products",
      description = "languages: codes such as en, de (routing prefers, among an intent's teams, one that speaks the "
          + "customer's language); products: names the facts panel recognises. Replaces both; leads and admins.")
  @PutMapping("/api/v1/staff/teams/{teamId}/skills")
  TeamSkills.Skills set(@PathVariable UUID teamId, @RequestBody(required = false) SkillsRequest body,
      Authentication authentication) {
    if (!StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may set team skills.");
    }
    if (body == null) {
      throw ProblemException.invalid("invalid-skill", "Give languages and products (lists, may be empty).");
    }
    return skills.set(teamId, body.languages(), body.products());
  }
}
