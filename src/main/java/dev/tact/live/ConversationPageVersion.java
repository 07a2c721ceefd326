package dev.tact.live;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationPageContributor;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The version the conversation page shows ({@code liveVersion}): its forms send it with every change. */
@Component
class ConversationPageVersion implements ConversationPageContributor {

  private final ConversationManagement conversations;

  ConversationPageVersion(ConversationManagement conversations) {
    this.conversations = conversations;
  }

  @Override
  public void contribute(ConversationDetails details, Map<String, Object> model) {
    model.put("liveVersion", conversations.versionShown(details));
  }
}
