package dev.tact.delivery;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.Channel;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.conversation.MessageAdded;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.policy.Purpose;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agent's reply in an email conversation goes to the outbox in the reply's own transaction
 * (a plain listener, not after commit): the reply and its outbox row commit together or not at all.
 * It carries the reply's Message-ID and the conversation's threading headers.
 */
@Component
class ReplyEnqueuer {

  private final Outbox outbox;
  private final ConversationManagement conversations;
  private final ContactManagement contacts;

  ReplyEnqueuer(Outbox outbox, ConversationManagement conversations, ContactManagement contacts) {
    this.outbox = outbox;
    this.conversations = conversations;
    this.contacts = contacts;
  }

  @EventListener
  void on(MessageAdded added) {
    if (added.direction() != Direction.OUTBOUND || added.channel() != Channel.EMAIL || added.contactId() == null) {
      return;
    }
    ConversationDetails details = conversations.requireDetails(added.conversationId());
    Message reply = details.messages().stream().filter(m -> m.id().equals(added.messageId())).findFirst()
        .orElseThrow();
    Contact contact = contacts.require(added.contactId());
    String recipient = Outbox.emailOf(contact);
    String inReplyTo = details.messages().stream()
        .filter(m -> m.direction() == Direction.INBOUND && m.externalId() != null && !m.automatic())
        .reduce((first, second) -> second).map(Message::externalId).orElse(null);
    List<String> references = conversations.threadReferences(added.conversationId()).stream()
        .filter(id -> !id.equals(reply.externalId())).toList();
    long number = details.conversation().number();
    String subject = details.conversation().subject();
    byte[] content = recipient == null ? null : OutgoingMailWriter.write(new OutgoingMail(outbox.from(),
        List.of(new MailAddress(recipient, contact.name())), subject, reply.body(), null, reply.externalId(),
        inReplyTo, references, number, false, reply.createdAt()));
    outbox.queueRendered(new OutboxStore.Draft("reply:" + reply.id(), OutboxKind.EMAIL, Purpose.TRANSACTIONAL,
        "reply", added.conversationId(), reply.id(), contact.id(), recipient, outbox.from().address(),
        dev.tact.mail.MailThreading.replySubject(subject, number), reply.externalId(), content),
        "conversation #" + number, reply.authorName() == null ? "agent" : "agent " + reply.authorName());
  }
}
