package dev.tact.delivery;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.intake.Mailboxes;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.mail.TextToHtml;
import dev.tact.mail.UnsafeHeaderException;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

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
  private final JsonMapper json;
  private final Mailboxes mailboxes;
  private final ChannelProviders providers;

  ReplyDelivery(Outbox outbox, ConversationManagement conversations, ContactManagement contacts,
      JsonMapper json, Mailboxes mailboxes, ChannelProviders providers) {
    this.providers = providers;
    this.outbox = outbox;
    this.mailboxes = mailboxes;
    this.json = json;
    this.conversations = conversations;
    this.contacts = contacts;
  }

  /**
   * Where a reply in this conversation goes: {@code via} as the agent chose it (one of the contact's identities, or a
   * channel), else the conversation's own way: email for email and web-form conversations (a web form's sender is
   * answered by email, or by SMS when they gave only a phone number), the contact's number for SMS, their handle for
   * social, the chat for chat. Whether it can leave is asked of the {@link ChannelProviders}. A {@code via} that names
   * no identity of the contact, or a channel nothing can be written on, answers 422 and changes nothing.
   */
  public ReplyRoute route(UUID conversationId, ReplyVia via) {
    ConversationSummary c = conversations.requireByReference(conversationId.toString());
    Contact contact = c.contactId() == null ? null : contacts.require(c.contactId());
    return route(c, contact, via == null ? ReplyVia.DEFAULT : via);
  }

  /** The same for a conversation about to be opened by an agent ({@code via} required: email or a text). */
  public ReplyRoute routeNew(UUID contactId, ReplyVia via) {
    Contact contact = contacts.require(contactId);
    if (via == null || !via.chosen()) {
      throw ProblemException.invalid("missing-recipient", "Choose whom to write to: one of the contact's email "
          + "addresses or phone numbers.");
    }
    ReplyRoute route = chosen(null, 0, contact, via);
    if (route.channel() != Channel.EMAIL && route.channel() != Channel.SMS) {
      throw ProblemException.invalid("unsupported-channel", "A new conversation is written by email or text (SMS).");
    }
    return route;
  }

  /** The same, for a page that has read the conversation and its contact already. */
  public ReplyRoute route(ConversationSummary c, Contact contact, ReplyVia via) {
    if (via.chosen()) {
      if (contact == null) {
        throw ProblemException.invalid("no-contact", "Conversation #" + c.number() + " has no contact to write to.");
      }
      return chosen(c.id(), c.number(), contact, via);
    }
    Channel channel = c.channel();
    IdentityKind kind = kindOf(channel);
    if (channel == Channel.WEB) {
      kind = first(contact, IdentityKind.EMAIL) == null && first(contact, IdentityKind.PHONE) != null
          ? IdentityKind.PHONE : IdentityKind.EMAIL;
      channel = kind == IdentityKind.PHONE ? Channel.SMS : Channel.EMAIL;
    }
    return routeTo(c.id(), c.number(), contact, channel, kind, kind == null ? null : first(contact, kind), false);
  }

  private ReplyRoute chosen(UUID conversationId, long number, Contact contact, ReplyVia via) {
    Channel channel = via.channel() == Channel.WEB ? Channel.EMAIL : via.channel();
    IdentityKind kind;
    String recipient;
    if (via.to() != null) {
      Identity identity = contact.identities().stream()
          .filter(i -> via.to().equalsIgnoreCase(i.value()) || via.to().equalsIgnoreCase(i.raw())).findFirst()
          .orElseThrow(() -> ProblemException.invalid("unknown-identity", "'" + via.to() + "' is none of "
              + contact.name() + "'s addresses: use one of " + contact.identities().stream().map(Identity::value)
              .toList() + "."));
      kind = identity.kind();
      recipient = identity.value();
      Channel natural = channelOf(kind);
      if (channel != null && channel != natural) {
        throw ProblemException.invalid("channel-mismatch", "'" + recipient + "' is " + article(kind) + " "
            + kind.name().toLowerCase(Locale.ROOT) + ": it is written to by " + natural.id() + ", not "
            + channel.id() + ".");
      }
      channel = natural;
    } else {
      kind = kindOf(channel);
      if (kind == null) {
        throw ProblemException.invalid("not-a-written-channel", "A reply cannot be written on " + channel.id()
            + ": choose email, sms or social.");
      }
      recipient = first(contact, kind);
    }
    return routeTo(conversationId, number, contact, channel, kind, recipient, true);
  }

  private ReplyRoute routeTo(UUID conversationId, long number, Contact contact, Channel channel, IdentityKind kind,
      String recipient, boolean chosen) {
    UUID contactId = contact == null ? null : contact.id();
    ChannelProviders.WayOut way = providers.wayOut(channel);
    if (channel == Channel.CHAT && conversationId != null) {
      recipient = "chat:" + conversationId; // the chat itself: its provider knows the visitor
    }
    if (!way.open()) {
      return new ReplyRoute(conversationId, number, contactId, channel, kind, recipient, false, way.whyNot(), chosen);
    }
    if (contact == null || (recipient == null && channel != Channel.CHAT)) {
      return new ReplyRoute(conversationId, number, contactId, channel, kind, null, false, "not delivered: "
          + (contact == null ? "the conversation has no contact" : "the contact has no " + noun(kind)), chosen);
    }
    return new ReplyRoute(conversationId, number, contactId, channel, kind, recipient, true, null, chosen);
  }

  private static IdentityKind kindOf(Channel channel) {
    return switch (channel) {
      case EMAIL, WEB -> IdentityKind.EMAIL;
      case SMS -> IdentityKind.PHONE;
      case SOCIAL -> IdentityKind.HANDLE;
      case CHAT, PHONE -> null;
    };
  }

  private static Channel channelOf(IdentityKind kind) {
    return switch (kind) {
      case EMAIL -> Channel.EMAIL;
      case PHONE -> Channel.SMS;
      case HANDLE -> Channel.SOCIAL;
    };
  }

  private static String noun(IdentityKind kind) {
    return kind == IdentityKind.EMAIL ? "email address" : kind == IdentityKind.PHONE ? "phone number" : "handle";
  }

  private static String article(IdentityKind kind) {
    return kind == IdentityKind.EMAIL ? "an" : "a";
  }

  private static String first(Contact contact, IdentityKind kind) {
    return contact == null ? null : contact.identities().stream().filter(i -> i.kind() == kind).map(Identity::value)
        .findFirst().orElse(null);
  }

  /** Queues {@code reply}, just added to the conversation, the conversation's own way. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(UUID conversationId, Message reply) {
    if (reply.direction() != Direction.OUTBOUND) {
      return;
    }
    queue(conversationId, reply, route(conversationId, ReplyVia.DEFAULT));
  }

  /**
   * Queues {@code reply}, just added to the conversation, along {@code route}: every reply gets an outbox row. One
   * that can leave is asked of the contact policy and queued (or denied); one with no way out is recorded
   * UNDELIVERABLE with the reason, the policy not asked; one to a contact with no address there FAILED.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(UUID conversationId, Message reply, ReplyRoute route) {
    queue(conversationId, reply, route, null);
  }

  /**
   * The same with the contact policy's decision for {@code route}, asked by the caller before the reply was written
   * (null: asked here); the row cites it, and no second decision is made.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(UUID conversationId, Message reply, ReplyRoute route, AuditedDecision decided) {
    queue(conversationId, reply, route, decided, ReplyExtras.NONE);
  }

  /** The same with copies and files ({@code extras}); only an email carries them (others: 422, nothing queued). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(UUID conversationId, Message reply, ReplyRoute route, AuditedDecision decided,
      ReplyExtras extras) {
    if (reply.direction() != Direction.OUTBOUND) {
      return;
    }
    if (!extras.isEmpty() && route.channel() != Channel.EMAIL) {
      throw ProblemException.invalid("extras-need-email", "Copies and attachments go with an email; this reply goes "
          + "by " + route.channel().id() + ".");
    }
    ConversationDetails details = conversations.requireDetails(conversationId);
    UUID contactId = details.conversation().contactId();
    Contact contact = contactId == null ? null : contacts.require(contactId);
    if (route.channel() == Channel.EMAIL) {
      email(details, reply, contact, route, decided, extras);
    } else {
      webhook(details, reply, contact, route, decided);
    }
  }

  private void email(ConversationDetails details, Message reply, Contact contact, ReplyRoute route,
      AuditedDecision decided, ReplyExtras extras) {
    UUID conversationId = details.conversation().id();
    String recipient = route.recipient();
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
          List.of(new MailAddress(recipient, contact == null ? null : contact.name())), subject, reply.body(), TextToHtml.render(reply.body()),
          reply.externalId(), inReplyTo, references, number, false, reply.createdAt(),
          extras.cc().stream().map(a -> new MailAddress(a, null)).toList(), extras.attachments()));
    } catch (UnsafeHeaderException e) {
      // The agent's reply stays in the conversation; its row says why it was not sent.
      unwritable = e.getMessage();
    }
    OutboxStore.Draft draft = new OutboxStore.Draft("reply:" + reply.id(), OutboxKind.EMAIL, Purpose.TRANSACTIONAL,
        "reply", conversationId, reply.id(), contact == null ? null : contact.id(), recipient, from.address(),
        oneLine(dev.tact.mail.MailThreading.replySubject(subject, number)), reply.externalId(), content);
    if (unwritable != null) {
      outbox.recordUnwritable(draft, unwritable);
      return;
    }
    if (!route.deliverable() && recipient != null) {
      outbox.recordUndeliverable(draft, route.whyNot());
      return;
    }
    UUID row = outbox.queueRendered(draft, Channel.EMAIL, "conversation #" + number,
        reply.authorName() == null ? "agent" : "agent " + reply.authorName(), decided);
    if (!extras.cc().isEmpty() || !extras.bcc().isEmpty()) {
      outbox.setCopies(row, java.util.stream.Stream.concat(extras.cc().stream(), extras.bcc().stream()).toList());
    }
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
   * A reply on SMS, social or chat goes to that channel's provider: the text alone to one that sends by itself (a
   * {@link ChannelSender}, e.g. Twilio), else signed JSON POSTed to the channel's webhook adapter: who to, the text,
   * and the customer's message it answers. With no provider for the channel (or in a phone conversation) the row is recorded
   * UNDELIVERABLE with the reason, its content kept so that an admin can send it once a provider is configured.
   */
  private void webhook(ConversationDetails details, Message reply, Contact contact, ReplyRoute route,
      AuditedDecision decided) {
    UUID conversationId = details.conversation().id();
    String recipient = route.recipient();
    String inReplyTo = details.messages().stream()
        .filter(m -> m.direction() == Direction.INBOUND && m.externalId() != null)
        .reduce((first, second) -> second).map(Message::externalId).orElse(null);
    long number = details.conversation().number();
    Channel channel = route.outboundChannel();
    boolean sentByProvider = route.deliverable() && providers.sender(route.channel()).isPresent();
    if (sentByProvider) {
      // its provider's API takes the text alone; the provider finds the rest from the row
      outbox.queueRendered(new OutboxStore.Draft("reply:" + reply.id(), OutboxKind.PROVIDER, Purpose.TRANSACTIONAL,
          "reply", conversationId, reply.id(), contact.id(), recipient, PolicyChannels.name(channel),
          details.conversation().subject(), reply.externalId(), reply.body().getBytes(StandardCharsets.UTF_8)),
          channel, "conversation #" + number, reply.authorName() == null ? "agent" : "agent " + reply.authorName(),
          decided);
      return;
    }
    byte[] content = null;
    if (route.channel() != Channel.PHONE) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", reply.externalId());
      body.put("channel", route.channel().id());
      body.put("to", recipient);
      body.put("text", reply.body());
      body.put("inReplyTo", inReplyTo);
      body.put("conversationId", conversationId.toString());
      body.put("conversationNumber", details.conversation().number());
      body.put("contactId", contact == null ? null : contact.id().toString());
      content = json.writeValueAsBytes(body);
    }
    OutboxStore.Draft draft = new OutboxStore.Draft("reply:" + reply.id(), OutboxKind.WEBHOOK, Purpose.TRANSACTIONAL,
        "reply", conversationId, reply.id(), contact == null ? null : contact.id(), recipient,
        PolicyChannels.name(channel),
        details.conversation().subject(), reply.externalId(), content);
    if (!route.deliverable() && (recipient != null || route.channel() == Channel.PHONE)) {
      outbox.recordUndeliverable(draft, route.whyNot());
      return;
    }
    outbox.queueRendered(draft, channel, "conversation #" + number,
        reply.authorName() == null ? "agent" : "agent " + reply.authorName(), decided);
  }
}
