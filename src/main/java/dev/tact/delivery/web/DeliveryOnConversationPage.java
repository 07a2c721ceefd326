package dev.tact.delivery.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.conversation.Message;
import dev.tact.delivery.Outbox;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The delivery state of each outbound message ({@code delivery/state :: state(m, d)}), read once for the page. */
@Component
class DeliveryOnConversationPage implements ConversationPageContributor {

  private final Outbox outbox;

  DeliveryOnConversationPage(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    model.put("deliveries", outbox.ofMessages(conversation.messages().stream().map(Message::id).toList()));
  }
}
