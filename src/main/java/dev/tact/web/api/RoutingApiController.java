package dev.tact.web.api;

import dev.tact.routing.IntentModels;
import dev.tact.routing.RoutingRule;
import dev.tact.routing.RoutingRules;
import dev.tact.shared.ProblemException;
import dev.tact.routing.TrainedModel;
import dev.tact.web.security.TactPrincipals;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/routing")
@Tag(name = "Administration", description = "Admin role only")
class RoutingApiController {

  record ModelState(Optional<TrainedModel> model, long examplesFromAgents) {}

  record RuleRequest(String kind, String value, String intent, UUID teamId, Integer position) {}

  private final IntentModels models;
  private final RoutingRules rules;
  private final TactPrincipals principals;

  RoutingApiController(IntentModels models, RoutingRules rules, TactPrincipals principals) {
    this.models = models;
    this.rules = rules;
    this.principals = principals;
  }

  @Operation(summary = "Routing rules, in the order they are tried")
  @GetMapping("/rules")
  List<RoutingRule> rules() {
    return rules.list();
  }

  @Operation(summary = "Add a routing rule",
      description = "kind sender (an address or @domain), keyword (a word of the subject or first message) or channel; "
          + "intent and/or teamId; position (default: last). A matching rule decides before the model.")
  @PostMapping("/rules")
  @ResponseStatus(HttpStatus.CREATED)
  RoutingRule add(@RequestBody RuleRequest request) {
    if (request == null) {
      throw ProblemException.invalid("invalid-rule", "The body must be a rule.");
    }
    return rules.add(request.kind(), request.value(), request.intent(), request.teamId(), request.position());
  }

  @DeleteMapping("/rules/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    rules.delete(id);
  }

  @Operation(summary = "The intent model in use",
      description = "model is empty while the seed model routes; examplesFromAgents counts the conversations agents "
          + "moved to another team since, which the next retraining learns from.")
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
