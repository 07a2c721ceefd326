package dev.tact.webform;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.conversation.MessageAdded;
import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a sent form is filed, tells the customer by email that it arrived and under which number: a transactional
 * message through the contact policy and the outbox, keyed by the message, so a repeated event sends nothing more.
 * Only forms sent with an email address are confirmed (a form message's external id starts with {@code webform:}).
 */
@Component
class FormConfirmations {

  static final String ACTOR = "web form";

  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final Outbox outbox;

  FormConfirmations(ConversationManagement conversations, ContactManagement contacts, Outbox outbox) {
    this.conversations = conversations;
    this.contacts = contacts;
    this.outbox = outbox;
  }

  @ApplicationModuleListener(condition = "@formConfirmations.confirms(#added)")
  void on(MessageAdded added) {
    if (!confirms(added)) {
      return;
    }
    Optional<Message> message = conversations.findMessage(added.messageId());
    if (message.isEmpty() || message.get().externalId() == null
        || !message.get().externalId().startsWith("webform:")) {
      return;
    }
    Optional<Contact> contact = contacts.find(added.contactId());
    if (contact.isEmpty() || contact.get().identities().stream().noneMatch(i -> i.kind() == IdentityKind.EMAIL)) {
      return; // written with a phone number only: no email to confirm to
    }
    ConversationSummary conversation = conversations.findByReference(added.conversationId().toString()).orElse(null);
    if (conversation == null) {
      return;
    }
    String subject = "We received your message: " + conversation.subject() + " [#" + conversation.number() + "]";
    String text = "Hello" + (contact.get().name() == null ? "" : " " + contact.get().name()) + ",\n\n"
        + "thank you for writing to us. Your message has arrived and has the number " + conversation.number()
        + "; we answer you by email.\nTo add something, reply to this email.\n\nYou wrote:\n\n"
        + quote(message.get().body());
    outbox.queue(new OutboundRequest(contact.get().id(), subject.length() > 400 ? subject.substring(0, 400) : subject,
        text, Purpose.TRANSACTIONAL, "webform-confirmation:" + added.messageId()), ACTOR);
  }

  /**
   * Whether a message may need a confirmation: a known customer's, through the web form. Asked when the event is
   * published (the listener's condition, so no call is recorded for other messages) and again when it runs.
   */
  public boolean confirms(MessageAdded added) {
    return added.direction() == Direction.INBOUND && added.channel() == Channel.WEB && added.contactId() != null;
  }

  private static String quote(String body) {
    String text = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + " …" : body;
    return "> " + text.replace("\n", "\n> ");
  }
}
