package dev.tact.survey.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.survey.Surveys;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The conversation page's survey line ({@code survey/on-conversation :: survey(surveys)}): every survey decision,
 * latest first, sent or "Survey not sent: reason", and the customer's answer with their comment.
 */
@Component
class SurveyOnConversationPage implements ConversationPageContributor {

  private final Surveys surveys;

  SurveyOnConversationPage(Surveys surveys) {
    this.surveys = surveys;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    model.put("surveys", surveys.ofConversation(conversation.conversation().id()));
  }
}
