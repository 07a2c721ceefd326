package dev.tact.noise.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.noise.NoiseControl;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The reports linked to the conversation ({@code noise/reports :: reports(c, reports)}), with the split button. */
@Component
class ReportsOnConversationPage implements ConversationPageContributor {

  private final NoiseControl noise;

  ReportsOnConversationPage(NoiseControl noise) {
    this.noise = noise;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    model.put("reports", noise.reports(conversation.conversation().id()));
  }
}
