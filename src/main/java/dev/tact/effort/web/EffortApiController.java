package dev.tact.effort.web;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.effort.ConversationEffort;
import dev.tact.effort.EffortMeasurements;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A conversation's customer effort: its score, the parts it is made of and the sentence that explains it. */
@ApiController
@Tag(name = "Customer effort")
class EffortApiController {

  private final EffortMeasurements measurements;
  private final ConversationManagement conversations;

  EffortApiController(EffortMeasurements measurements, ConversationManagement conversations) {
    this.measurements = measurements;
    this.conversations = conversations;
  }

  @Operation(summary = "A conversation's customer effort (0 effortless to 100) with its parts",
      description = "The reference is the conversation's id or number. Each part says what it counted, how much and "
          + "how many points it added; waiting is business time of the team's calendar.")
  @GetMapping("/api/v1/conversations/{reference}/effort")
  ConversationEffort effort(@PathVariable String reference) {
    ConversationSummary c = conversations.findByReference(reference)
        .orElseThrow(() -> ProblemException.notFound("conversation", reference));
    return measurements.of(c.id()).orElseThrow(() -> new ProblemException(404, "effort-not-measured",
        "Effort not measured yet", "Nothing of conversation #" + c.number() + " has been measured yet: its effort "
            + "follows its messages and changes within moments."));
  }
}
