package dev.tact.search.web;

import dev.tact.conversation.Status;
import dev.tact.search.ConversationSearch;
import dev.tact.search.SearchResults;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: the navigation's box lands here; filters narrow the conversations found. */
@UiController
class SearchController {

  private final ConversationSearch search;
  private final StaffDirectory staff;

  SearchController(ConversationSearch search, StaffDirectory staff) {
    this.search = search;
    this.staff = staff;
  }

  @GetMapping("/search")
  String search(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> status,
      @RequestParam(required = false) String team, @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Model model) {
    SearchParameters parameters = new SearchParameters(q, status, team, assignee, channel, from, to, 50);
    model.addAttribute("params", parameters);
    model.addAttribute("searchText", q);
    List<Team> teams = staff.teams();
    List<Agent> agents = staff.agents().stream().filter(Agent::active).toList();
    model.addAttribute("teams", teams);
    model.addAttribute("agents", agents);
    model.addAttribute("statuses", Status.values());
    model.addAttribute("channels", Channel.values());
    model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(t -> t.id(), Team::name)));
    model.addAttribute("agentNames", staff.agents().stream().collect(Collectors.toMap(Agent::id, Agent::displayName)));
    if (q == null || q.isBlank()) {
      model.addAttribute("results", new SearchResults(0, List.of()));
      return "search/results";
    }
    try {
      model.addAttribute("results", search.search(parameters.request()));
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("results", new SearchResults(0, List.of()));
    }
    return "search/results";
  }
}
