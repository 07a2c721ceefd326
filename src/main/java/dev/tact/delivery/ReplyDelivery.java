package dev.tact.delivery;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.Channel;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.intake.Mailboxes;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.mail.TextToHtml;
import dev.tact.mail.UnsafeHeaderException;
import dev.tact.policy.Purpose;
import dev.tact.contact.IdentityKind;
import dev.tact.policy.OutboundChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import java.util.UUID;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/**
 * Queues a reply for its conversation's channel, in the caller's transaction, so that the reply and
 * its outbox row commit together or not at all (see {@code compose.Replies}). An email reply carries
 * its own Message-ID and the conversation's threading headers and goes out from the address the
 * customer wrote to; an SMS or social reply goes to that channel's adapter.
 */
@Component
public class ReplyDelivery {

  private final Outbox outbox;
  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final DeliveryProperties properties;
  private final JsonMapper json;
  private final Mailboxes mailboxes;

  ReplyDelivery(Outbox outbox, ConversationManagement conversations, ContactManagement contacts,
      DeliveryProperties properties, JsonMapper json, Mailboxes mailboxes) {
    this.outbox = outbox;
    this.mailboxes = mailboxes;
    this.properties = properties;
    this.json = json;
    this.conversations = conversations;
    this.contacts = contacts;
  }

  /** Queues {@code reply}, just added to the conversation, when its channel has a way out. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(UUID conversationId, Message reply) {
    if (reply.direction() != Direction.OUTBOUND) {
      return;
    }
    ConversationDetails details = conversations.requireDetails(conversationId);
    UUID contactId = details.conversation().contactId();
    if (contactId == null) {
      return;
    }
    Contact contact = contacts.require(contactId);
    if (reply.channel() == Channel.SMS || reply.channel() == Channel.SOCIAL) {
      webhook(details, reply, contact);
    } else if (reply.channel() == Channel.EMAIL || reply.channel() == Channel.WEB) {
      // a web form's customer is answered by email (the form asks for an address; without one the row says so)
      email(details, reply, contact);
    }
  }

  private void email(ConversationDetails details, Message reply, Contact contact) {
    UUID conversationId = details.conversation().id();
    String recipient = Outbox.emailOf(contact);
    String inReplyTo = details.messages().stream()
        .filter(m -> m.direction() == Direction.INBOUND && isMessageId(m.externalId()) && !m.automatic())
        .reduce((first, second) -> second).map(Message::externalId).orElse(null);
    List<String> references = conversations.threadReferences(conversationId).stream()
        .filter(id -> !id.equals(reply.externalId()) && isMessageId(id)).toList();
    long number = details.conversation().number();
    String subject = details.conversation().subject();
    MailAddress from = replyFrom(conversationId);
    byte[] content = null;
    String unwritable = null;
    try {
      content = recipient == null ? null : OutgoingMailWriter.write(new OutgoingMail(from,
          List.of(new MailAddress(recipient, contact.name())), subject, reply.body(), TextToHtml.render(reply.body()),
          reply.externalId(), inReplyTo, references, number, false, reply.createdAt()));
    } catch (UnsafeHeaderException e) {
      // The agent's reply stays in the conversation; its row says why it was not sent.
      unwritable = e.getMessage();
    }
    OutboxStore.Draft draft = new OutboxStore.Draft("reply:" + reply.id(), OutboxKind.EMAIL, Purpose.TRANSACTIONAL,
        "reply", conversationId, reply.id(), contact.id(), recipient, from.address(),
        oneLine(dev.tact.mail.MailThreading.replySubject(subject, number)), reply.externalId(), content);
    if (unwritable != null) {
      outbox.recordUnwritable(draft, unwritable);
      return;
    }
    outbox.queueRendered(draft, OutboundChannel.EMAIL, "conversation #" + number,
        reply.authorName() == null ? "agent" : "agent " + reply.authorName());
  }

  /** An email's Message-ID (a web form's "webform:…" id is none, and is not written into the headers). */
  private static boolean isMessageId(String id) {
    return id != null && id.indexOf('@') > 0;
  }

  private static String oneLine(String subject) {
    return dev.tact.shared.ControlCharacters.singleLine(subject);
  }

  /**
   * The address the customer wrote to (the mailbox the conversation was opened through), with the
   * From name in force (Admin → Sending mail, else {@code tact.delivery.from-name}); the configured from-address for any other conversation, or when that
   * mailbox has been deleted.
   */
  private MailAddress replyFrom(UUID conversationId) {
    MailAddress configured = outbox.from();
    return mailboxes.replyAddressOf(conversationId).map(address -> new MailAddress(address, configured.name()))
        .orElse(configured);
  }

  /**
   * A reply in an SMS or social conversation is POSTed to that channel's adapter (when one is
   * configured) as signed JSON: who to, the text, and the customer's message it answers.
   */
  private void webhook(ConversationDetails details, Message reply, Contact contact) {
    String channel = reply.channel().name();
    if (properties.adapter(channel).isEmpty()) {
      return; // no adapter: the reply stays in Tact, as before the outbox
    }
    UUID conversationId = details.conversation().id();
    IdentityKind kind = reply.channel() == Channel.SMS ? IdentityKind.PHONE : IdentityKind.HANDLE;
    String recipient = contact.identities().stream().filter(i -> i.kind() == kind).map(i -> i.value()).findFirst()
        .orElse(null);
    String inReplyTo = details.messages().stream()
        .filter(m -> m.direction() == Direction.INBOUND && m.externalId() != null)
        .reduce((first, second) -> second).map(Message::externalId).orElse(null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", reply.externalId());
    body.put("channel", reply.channel().id());
    body.put("to", recipient);
    body.put("text", reply.body());
    body.put("inReplyTo", inReplyTo);
    body.put("conversationId", conversationId.toString());
    body.put("conversationNumber", details.conversation().number());
    body.put("contactId", contact.id().toString());
    byte[] content = json.writeValueAsBytes(body);
    long number = details.conversation().number();
    outbox.queueRendered(new OutboxStore.Draft("reply:" + reply.id(), OutboxKind.WEBHOOK, Purpose.TRANSACTIONAL,
        "reply", conversationId, reply.id(), contact.id(), recipient, channel,
        details.conversation().subject(), reply.externalId(), content),
        OutboundChannel.valueOf(channel), "conversation #" + number,
        reply.authorName() == null ? "agent" : "agent " + reply.authorName());
  }
}
