package dev.tact.survey.web;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.survey.Survey;
import dev.tact.survey.SurveySettings;
import dev.tact.survey.SurveySettingsService;
import dev.tact.survey.Surveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The surveys about a conversation, and the survey settings (admins). Errors are Problem Details. */
@ApiController
@Tag(name = "Satisfaction surveys")
class SurveyApiController {

  private final Surveys surveys;
  private final SurveySettingsService settings;
  private final ConversationManagement conversations;

  SurveyApiController(Surveys surveys, SurveySettingsService settings, ConversationManagement conversations) {
    this.surveys = surveys;
    this.settings = settings;
    this.conversations = conversations;
  }

  @Operation(summary = "A conversation's survey decisions, latest first",
      description = "Each says whether the survey was sent (and on which channel) or why not, and the answer.")
  @GetMapping("/api/v1/conversations/{reference}/survey")
  List<Survey> ofConversation(@PathVariable String reference) {
    ConversationSummary c = conversations.findByReference(reference)
        .orElseThrow(() -> ProblemException.notFound("conversation", reference));
    return surveys.ofConversation(c.id());
  }

  @Operation(summary = "The survey settings: on or off, and the scale (2: good / not good; 5: 1 to 5)")
  @GetMapping("/api/v1/admin/survey-settings")
  SurveySettings current() {
    return settings.current();
  }

  @Operation(summary = "Changes the survey settings (a field left out keeps its value)")
  @PutMapping("/api/v1/admin/survey-settings")
  SurveySettings update(@RequestBody(required = false) SurveySettings.Change change, Authentication authentication) {
    return settings.update(change, authentication.getName());
  }
}
