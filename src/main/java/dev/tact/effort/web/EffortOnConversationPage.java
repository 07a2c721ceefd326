package dev.tact.effort.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.effort.EffortMeasurements;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The conversation page's effort panel ({@code effort/on-conversation :: effort(effort)}): score and parts. */
@Component
class EffortOnConversationPage implements ConversationPageContributor {

  private final EffortMeasurements measurements;

  EffortOnConversationPage(EffortMeasurements measurements) {
    this.measurements = measurements;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    model.put("effort", measurements.of(conversation.conversation().id()).orElse(null));
  }
}
