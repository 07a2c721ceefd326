package dev.tact.routing.web;

import dev.tact.routing.IntentAdministration;
import dev.tact.routing.IntentCatalogue;
import dev.tact.routing.IntentModels;
import dev.tact.routing.RoutingRule;
import dev.tact.routing.RoutingRules;
import dev.tact.routing.TeamAssignments;
import dev.tact.routing.TrainedModel;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@RequestMapping("/api/v1/admin/routing")
@Tag(name = "Administration", description = "Admin role only")
class RoutingApiController {

  record ModelState(Optional<TrainedModel> model, long examplesFromAgents) {}

  record RuleRequest(String kind, String value, String intent, UUID teamId, Integer position, String escalateTo) {}

  record IntentRequest(String name, String phrases, String renameTo, List<UUID> teamIds) {}

  record AssignmentRequest(String mode) {}

  private final IntentModels models;
  private final RoutingRules rules;
  private final StaffPrincipals principals;
  private final IntentCatalogue catalogue;
  private final IntentAdministration administration;
  private final TeamAssignments assignments;

  RoutingApiController(IntentModels models, RoutingRules rules, StaffPrincipals principals, IntentCatalogue catalogue,
      IntentAdministration administration, TeamAssignments assignments) {
    this.assignments = assignments;
    this.catalogue = catalogue;
    this.administration = administration;
    this.models = models;
    this.rules = rules;
    this.principals = principals;
  }

  @Operation(summary = "How a team hands new conversations to its agents",
      description = "mode least-loaded, round-robin or none; inherited when the team follows tact.routing.assignment.")
  @GetMapping("/teams/{teamId}/assignment")
  TeamAssignments.Setting assignment(@PathVariable UUID teamId) {
    return assignments.of(teamId);
  }

  @Operation(summary = "Set how a team hands new conversations to its agents",
      description = "mode least-loaded, round-robin, none, or default to follow tact.routing.assignment again; "
          + "422 for another value, 404 for an unknown team.")
  @PutMapping("/teams/{teamId}/assignment")
  TeamAssignments.Setting setAssignment(@PathVariable UUID teamId, @RequestBody(required = false) AssignmentRequest body) {
    if (body == null || body.mode() == null) {
      throw ProblemException.invalid("invalid-assignment", "Give mode: least-loaded, round-robin, none or default.");
    }
    return assignments.set(teamId, body.mode());
  }

  @Operation(summary = "Routing rules, in the order they are tried")
  @GetMapping("/rules")
  List<RoutingRule> rules() {
    return rules.list();
  }

  @Operation(summary = "Add a routing rule",
      description = "kind sender (an address or @domain), keyword (a word of the subject or first message), channel "
          + "or tier (the customer's tier, e.g. vip; standard when none); intent and/or teamId and/or escalateTo "
          + "(specialist or lead); position (default: last). A matching rule decides before the model.")
  @PostMapping("/rules")
  @ResponseStatus(HttpStatus.CREATED)
  RoutingRule add(@RequestBody RuleRequest request) {
    if (request == null) {
      throw ProblemException.invalid("invalid-rule", "The body must be a rule.");
    }
    return rules.add(request.kind(), request.value(), request.intent(), request.teamId(), request.position(),
        request.escalateTo());
  }

  @Operation(summary = "Replace a routing rule", description = "As when adding; position defaults to the rule's own. A bad rule is a 422 "
      + "and the old one stays; an unknown rule is a 404.")
  @PutMapping("/rules/{id}")
  RoutingRule update(@PathVariable UUID id, @RequestBody RuleRequest request) {
    if (request == null) {
      throw ProblemException.invalid("invalid-rule", "The body must be a rule.");
    }
    return rules.update(id, request.kind(), request.value(), request.intent(), request.teamId(), request.position(),
        request.escalateTo());
  }

  @Operation(summary = "The intents the front door routes by, and the teams that take each")
  @GetMapping("/intents")
  List<IntentCatalogue.Intent> intents() {
    return catalogue.list();
  }

  @Operation(summary = "Add an intent",
      description = "name (lower case, _ between words) and phrases: at least three example messages, one per line; "
          + "teamIds optional. The model is retrained at once.")
  @PostMapping("/intents")
  @ResponseStatus(HttpStatus.CREATED)
  List<IntentCatalogue.Intent> addIntent(@RequestBody IntentRequest request, Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("invalid-intent", "The body must be an intent.");
    }
    return administration.add(request.name(), request.phrases(), request.teamIds(), principals.who(authentication));
  }

  @Operation(summary = "Rename an intent or set its teams",
      description = "renameTo: the new name (seed phrases, taught examples, teams and rules follow; the model is "
          + "retrained); teamIds: the teams that take it, routing prefers the one for the customer's language "
          + "(empty: back to tact.routing.teams).")
  @PutMapping("/intents/{name}")
  List<IntentCatalogue.Intent> changeIntent(@PathVariable String name, @RequestBody IntentRequest request,
      Authentication authentication) {
    if (request == null || (request.renameTo() == null && request.teamIds() == null)) {
      throw ProblemException.invalid("invalid-intent", "Give renameTo and/or teamIds.");
    }
    return administration.change(name, request.renameTo(), request.teamIds(), principals.who(authentication));
  }

  @Operation(summary = "Remove an intent", description = "At least two stay; the model is retrained at once.")
  @DeleteMapping("/intents/{name}")
  List<IntentCatalogue.Intent> removeIntent(@PathVariable String name, Authentication authentication) {
    return administration.remove(name, principals.who(authentication));
  }

  @DeleteMapping("/rules/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    rules.delete(id);
  }

  @Operation(summary = "The intent model in use",
      description = "model is empty while the seed model routes; examplesFromAgents counts the conversations agents "
          + "moved to another team or resolved since, which the next retraining learns from.")
  @GetMapping("/model")
  ModelState model() {
    return new ModelState(models.latest(), models.examplesFromAgents());
  }

  @Operation(summary = "Retrain the intent model",
      description = "Trains on the seed phrases and every conversation agents moved to another team (its first "
          + "words as an example of that team's intent); every node uses the new model for new conversations.")
  @PostMapping("/retrain")
  TrainedModel retrain(Authentication authentication) {
    return models.retrain(principals.who(authentication));
  }
}
