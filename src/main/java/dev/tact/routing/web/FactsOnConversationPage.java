package dev.tact.routing.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.routing.ConversationFacts;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What routing knows of the conversation ({@code routing/facts :: facts}): intent, customer, language. */
@Component
class FactsOnConversationPage implements ConversationPageContributor {

  private final ConversationFacts facts;

  FactsOnConversationPage(ConversationFacts facts) {
    this.facts = facts;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    model.put("facts", facts.of(conversation));
  }
}
