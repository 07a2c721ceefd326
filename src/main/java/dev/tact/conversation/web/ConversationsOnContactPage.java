package dev.tact.conversation.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactPageContributor;
import dev.tact.conversation.ConversationManagement;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A contact's conversations on their page, and how many a contact about to be merged in brings along. */
@Component
class ConversationsOnContactPage implements ContactPageContributor {

  private final ConversationManagement conversations;

  ConversationsOnContactPage(ConversationManagement conversations) {
    this.conversations = conversations;
  }

  @Override
  public void contribute(Contact contact, Contact mergeCandidate, Map<String, Object> model) {
    model.put("conversations", conversations.ofContact(contact.id()));
    if (mergeCandidate != null) {
      model.put("mergeConversations", conversations.ofContact(mergeCandidate.id()).size());
    }
  }
}
