package dev.tact.web.api;

import dev.tact.routing.IntentModels;
import dev.tact.routing.TrainedModel;
import dev.tact.web.security.TactPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/routing")
@Tag(name = "Administration", description = "Admin role only")
class RoutingApiController {

  record ModelState(Optional<TrainedModel> model, long examplesFromAgents) {}

  private final IntentModels models;
  private final TactPrincipals principals;

  RoutingApiController(IntentModels models, TactPrincipals principals) {
    this.models = models;
    this.principals = principals;
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
