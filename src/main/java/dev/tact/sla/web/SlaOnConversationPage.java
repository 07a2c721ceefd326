package dev.tact.sla.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.sla.SlaClocks;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The conversation page's SLA panel ({@code sla/panel :: panel(sla)}): the conversation's policy and clocks. */
@Component
class SlaOnConversationPage implements ConversationPageContributor {

  private final SlaClocks clocks;

  SlaOnConversationPage(SlaClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    model.put("sla", clocks.state(conversation.conversation().id()).orElse(null));
  }
}
