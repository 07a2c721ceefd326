package dev.tact.routing.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.routing.IntentCatalogue;
import dev.tact.routing.Scored;
import dev.tact.routing.Triage;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Triage: what the front door could not place, the model's guesses, and one click to a team. */
@UiController
class TriageController {

  /** One of the model's guesses and the team it would go to (null: the intent has no team). */
  record Suggestion(String intent, double probability, Team team) {}

  record Row(Triage.Item item, List<Suggestion> suggestions) {}

  private final Triage triage;
  private final IntentCatalogue catalogue;
  private final StaffDirectory staff;
  private final ConversationManagement conversations;
  private final Actors actors;

  TriageController(Triage triage, IntentCatalogue catalogue, StaffDirectory staff,
      ConversationManagement conversations, Actors actors) {
    this.triage = triage;
    this.catalogue = catalogue;
    this.staff = staff;
    this.conversations = conversations;
    this.actors = actors;
  }

  @GetMapping("/triage")
  String list(Model model) {
    List<Team> teams = staff.teams();
    Map<UUID, Team> byId = teams.stream().collect(Collectors.toMap(Team::id, Function.identity()));
    List<Row> rows = new ArrayList<>();
    for (Triage.Item item : triage.waiting(100)) {
      List<Suggestion> suggestions = new ArrayList<>();
      for (Scored s : item.intent().map(i -> i.suggestions()).orElse(List.of())) {
        Team team = catalogue.teamsOf(s.intent()).stream().map(byId::get).filter(t -> t != null).findFirst()
            .orElse(null);
        suggestions.add(new Suggestion(s.intent(), s.probability(), team));
      }
      rows.add(new Row(item, suggestions));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("teams", teams);
    return "routing/triage";
  }

  @PostMapping("/triage/{number}/route")
  String route(@PathVariable long number, @RequestParam(defaultValue = "") String team, Authentication auth,
      RedirectAttributes redirect) {
    UUID id = conversations.requireByReference(Long.toString(number)).id();
    return Flash.run(redirect, "/triage", null, () -> {
      UUID teamId = parse(team);
      triage.route(id, actors.of(auth), teamId);
      redirect.addFlashAttribute("notice", "#" + number + " routed to " + staff.requireTeam(teamId).name() + ".");
    });
  }

  private static UUID parse(String team) {
    try {
      return team.isBlank() ? null : UUID.fromString(team.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-team", "'" + team + "' is not a team.");
    }
  }
}
