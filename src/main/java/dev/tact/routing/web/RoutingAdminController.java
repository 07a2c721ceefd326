package dev.tact.routing.web;

import dev.tact.routing.AssignmentMode;
import dev.tact.routing.IntentAdministration;
import dev.tact.routing.IntentCatalogue;
import dev.tact.routing.IntentModels;
import dev.tact.routing.RoutingRules;
import dev.tact.routing.TeamAssignments;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import dev.tact.staff.TeamSkills;
import dev.tact.staff.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing admin page (admins only, by /admin/**): intents and their teams, routing rules, the model and its
 * retraining, team skills, agents' tiers, availability and capacity. Every form goes through the same services as
 * the API; a bad one shows the reason and changes nothing.
 */
@UiController
@RequestMapping("/admin/routing")
class RoutingAdminController {

  private static final String PAGE = "/admin/routing";

  /** A team with its skills and each member's tier. */
  record TeamView(Team team, TeamSkills.Skills skills, List<Member> members, TeamAssignments.Setting assignment) {}

  record Member(Agent agent, Tier tier) {}

  private final IntentCatalogue catalogue;
  private final IntentAdministration intents;
  private final IntentModels models;
  private final RoutingRules rules;
  private final StaffDirectory staff;
  private final TeamSkills skills;
  private final StaffPrincipals principals;
  private final TeamAssignments assignments;

  RoutingAdminController(IntentCatalogue catalogue, IntentAdministration intents, IntentModels models,
      RoutingRules rules, StaffDirectory staff, TeamSkills skills, StaffPrincipals principals,
      TeamAssignments assignments) {
    this.assignments = assignments;
    this.catalogue = catalogue;
    this.intents = intents;
    this.models = models;
    this.rules = rules;
    this.staff = staff;
    this.skills = skills;
    this.principals = principals;
  }

  @GetMapping
  String page(@RequestParam(required = false) UUID edit, Model model) {
    model.addAttribute("editing", edit == null ? null
        : rules.find(edit).orElseThrow(() -> ProblemException.notFound("rule", edit)));
    List<Team> teams = staff.teams();
    Map<UUID, String> teamNames = new LinkedHashMap<>();
    teams.forEach(t -> teamNames.put(t.id(), t.name()));
    Map<UUID, TeamSkills.Skills> allSkills = skills.all();
    Map<UUID, TeamAssignments.Setting> allAssignments = assignments.of(teamNames.keySet());
    List<TeamView> teamViews = new ArrayList<>();
    for (Team team : teams) {
      List<Member> members = new ArrayList<>();
      for (Tier tier : Tier.values()) {
        staff.members(team.id(), tier).forEach(a -> members.add(new Member(a, tier)));
      }
      teamViews.add(new TeamView(team, allSkills.getOrDefault(team.id(), TeamSkills.Skills.NONE), members,
          allAssignments.get(team.id())));
    }
    model.addAttribute("intents", catalogue.list());
    model.addAttribute("rules", rules.list());
    model.addAttribute("trained", models.latest().orElse(null));
    model.addAttribute("examplesFromAgents", models.examplesFromAgents());
    model.addAttribute("modelIntents", models.current().intents());
    model.addAttribute("teams", teams);
    model.addAttribute("teamNames", teamNames);
    model.addAttribute("teamViews", teamViews);
    model.addAttribute("agents", staff.agents().stream().filter(Agent::active).toList());
    model.addAttribute("tiers", Tier.values());
    model.addAttribute("assignmentModes", AssignmentMode.values());
    model.addAttribute("defaultAssignment", assignments.installationDefault());
    return "routing/admin";
  }

  @PostMapping("/retrain")
  String retrain(Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> redirect.addFlashAttribute("notice",
        "Retrained on " + dev.tact.shared.Wording.count(models.retrain(principals.who(auth)).examples(), "example",
            "examples") + "."));
  }

  @PostMapping("/intents")
  String addIntent(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phrases,
      @RequestParam(required = false) List<String> teams, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Intent added; the model was retrained.",
        () -> intents.add(name, phrases, ids(teams), principals.who(auth)));
  }

  @PostMapping("/intents/{name}/teams")
  String intentTeams(@PathVariable String name, @RequestParam(required = false) List<String> teams,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Teams of " + name + " saved.",
        () -> intents.change(name, null, ids(teams) == null ? List.of() : ids(teams), principals.who(auth)));
  }

  @PostMapping("/intents/{name}/rename")
  String renameIntent(@PathVariable String name, @RequestParam(defaultValue = "") String to, Authentication auth,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Intent renamed; the model was retrained.", () -> {
      if (to.isBlank()) {
        throw ProblemException.invalid("invalid-intent", "Give the new name.");
      }
      intents.change(name, to, null, principals.who(auth));
    });
  }

  @PostMapping("/intents/{name}/remove")
  String removeIntent(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Intent " + name + " removed; the model was retrained.",
        () -> intents.remove(name, principals.who(auth)));
  }

  @PostMapping("/rules")
  String addRule(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
      @RequestParam(defaultValue = "") String intent, @RequestParam(defaultValue = "") String team,
      @RequestParam(defaultValue = "") String escalateTo, @RequestParam(defaultValue = "") String position,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Rule added.", () -> rules.add(kind, value, intent, id(team), number(position),
        escalateTo));
  }

  /** Saves an edited rule; a bad value leaves the rule as it was and its form open with the reason. */
  @PostMapping("/rules/{id}")
  String updateRule(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String intent,
      @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String escalateTo,
      @RequestParam(defaultValue = "") String position, RedirectAttributes redirect) {
    try {
      rules.update(id, kind, value, intent, id(team), number(position), escalateTo);
      redirect.addFlashAttribute("notice", "Rule saved.");
      return "redirect:" + PAGE + "#rules";
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      // back to the rule's form, unless the rule itself is gone (deleted meanwhile)
      return "redirect:" + PAGE + (rules.find(id).isPresent() ? "?edit=" + id + "#rule-" + id : "#rules");
    }
  }

  @PostMapping("/rules/{id}/delete")
  String deleteRule(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Rule deleted.", () -> rules.delete(id));
  }

  @PostMapping("/teams/{id}/skills")
  String teamSkills(@PathVariable UUID id, @RequestParam(defaultValue = "") String languages,
      @RequestParam(defaultValue = "") String products, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Skills saved.", () -> skills.set(id, split(languages), split(products)));
  }

  @PostMapping("/teams/{id}/assignment")
  String teamAssignment(@PathVariable UUID id, @RequestParam(defaultValue = "") String mode,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Assignment saved.", () -> assignments.set(id, mode));
  }

  @PostMapping("/teams/{teamId}/members/{agentId}")
  String memberTier(@PathVariable UUID teamId, @PathVariable UUID agentId, @RequestParam(defaultValue = "") String tier,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Tier saved.", () -> {
      Tier parsed = Tier.parse(tier);
      if (parsed == null) {
        throw ProblemException.invalid("invalid-tier", "tier must be first line, specialist or lead.");
      }
      staff.setTier(teamId, agentId, parsed);
    });
  }

  @PostMapping("/agents/{id}/availability")
  String availability(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean available,
      @RequestParam(defaultValue = "") String capacity, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Availability saved.", () -> {
      Integer parsed = number(capacity);
      if (parsed == null) {
        throw ProblemException.invalid("invalid-capacity", "capacity must be a number between 0 and 500.");
      }
      staff.setAvailability(id, available, parsed);
    });
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<UUID> ids(List<String> values) {
    return values == null ? null : values.stream().filter(v -> !v.isBlank()).map(RoutingAdminController::id).toList();
  }

  private static UUID id(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-team", "'" + value + "' is not a team.");
    }
  }

  private static Integer number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("invalid-number", "'" + value + "' is not a whole number.");
    }
  }
}
