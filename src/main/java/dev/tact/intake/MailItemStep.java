package dev.tact.intake;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Channel;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.mail.ForwardedMessage;
import dev.tact.mail.MailAddress;
import dev.tact.mail.MailArchive;
import dev.tact.mail.MailLoopGuard;
import dev.tact.mail.MailProperties;
import dev.tact.mail.MailReader;
import dev.tact.mail.ParsedMail;
import dev.tact.mail.ReadMail;
import dev.tact.mail.StaffDomains;
import dev.tact.mail.UnparseableMailException;
import dev.tact.noise.NoiseCandidate;
import dev.tact.noise.NoiseControl;
import dev.tact.noise.NoiseDecision;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline's step for email: read the raw MIME like an agent would, find the requester (the
 * original sender when staff forwarded a customer's mail), thread it by Message-ID, References and
 * subject token, and file it with what was read beside it; all in the caller's transaction. Mail
 * that cannot be parsed is parked raw; a bounce about nothing Tact sent, and automatic mail past
 * the loop limit, are kept in the log but not filed.
 */
@Component
class MailItemStep {

  private final ItemStore items;
  private final MailReader reader;
  private final MailArchive archive;
  private final MailLoopGuard loops;
  private final MailProperties mailProperties;
  private final StaffDomains staffDomains;
  private final Mailboxes mailboxes;
  private final StaffDirectory staff;
  private final IdentityParser identities;
  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final JsonMapper json;
  private final Clock clock;
  private final NoiseControl noise;
  private final ApplicationEventPublisher events;

  MailItemStep(ItemStore items, MailReader reader, MailArchive archive, MailLoopGuard loops,
      MailProperties mailProperties, StaffDomains staffDomains, Mailboxes mailboxes, StaffDirectory staff,
      IdentityParser identities, ContactManagement contacts, ConversationManagement conversations, JsonMapper json,
      Clock clock, NoiseControl noise, ApplicationEventPublisher events) {
    this.staffDomains = staffDomains;
    this.noise = noise;
    this.items = items;
    this.reader = reader;
    this.archive = archive;
    this.loops = loops;
    this.mailProperties = mailProperties;
    this.mailboxes = mailboxes;
    this.staff = staff;
    this.identities = identities;
    this.contacts = contacts;
    this.conversations = conversations;
    this.json = json;
    this.clock = clock;
    this.events = events;
  }

  void process(InboundItem item) {
    MailEnvelope envelope = envelopeOf(item);
    ReadMail read = read(item);
    ParsedMail mail = read.parsed();
    MailAddress from = senderOf(mail, envelope)
        .orElseThrow(() -> new UnreadableItemException("The email names no sender address.", null));
    if (read.automatic() && !loops.mayFileAutomaticFrom(from.address())) {
      items.markSuppressed(item.id(), null, "Mail loop: more than " + mailProperties.maxAutomaticPerHour()
          + " automatic messages from " + from.address() + " in the past hour.", clock.instant());
      return;
    }
    Requester requester = requesterOf(from, read);
    Contact contact = contacts.resolve(identityOf(requester.address()), new ContactNames(requester.address().name(),
        null, null));
    List<String> repliesTo = new ArrayList<>();
    if (read.bouncedMessageId() != null) {
      repliesTo.add(read.bouncedMessageId());
      events.publishEvent(new BounceReceived(read.bouncedMessageId(), mail.deliveryReport(), item.receivedAt()));
    }
    repliesTo.addAll(read.repliesTo());
    String externalId = mail.messageId() != null ? mail.messageId() : item.externalId();
    // The mailbox's team, unless that team is gone.
    UUID teamId = envelope.mailboxId() == null ? null : mailboxes.teamOf(envelope.mailboxId())
        .filter(team -> staff.team(team).isPresent()).orElse(null);
    InboundMessage message = new InboundMessage(item.messageId(), item.id(),
        Channel.EMAIL, contact.id(), contact.name(), requester.subject(), requester.text(), externalId, null, null,
        item.receivedAt(), repliesTo, read.subjectNumber(), requester.fullText(), teamId, read.automatic(),
        read.bounce(), requester.forwardedBy(), null, !read.authentication().passes());
    NoiseCandidate candidate = new NoiseCandidate(message, requester.address().address(), from.address(),
        requester.forwardedBy() != null ? requester.forwardedBy() : display(from), requester.forwardedBy() != null,
        requester.comment(), !read.authentication().passes());
    NoiseDecision decision = noise.decide(candidate);
    if (!decision.files()) {
      if (decision.outcome() == NoiseDecision.Outcome.DUPLICATE) {
        // kept under the report's id: a report split out later becomes a message with this id and its mail
        archive.store(item.messageId(), item.id(), read, requester.forwardedBy(), null, item.receivedAt());
      }
      NoiseSteps.mark(items, item, contact.id(), decision, clock.instant());
      return;
    }
    InboundOutcome outcome = conversations.receiveInbound(message);
    noise.filed(candidate, decision, outcome);
    if (!outcome.filed()) {
      items.markSuppressed(item.id(), contact.id(), "A bounce about " + describe(read.bouncedMessageId())
          + ", which Tact did not send.", clock.instant());
      return;
    }
    if (outcome.openedConversation() && envelope.mailboxId() != null) {
      mailboxes.openedThrough(outcome.conversationId(), envelope.mailboxId());
    }
    if (!outcome.redelivery()) {
      UUID bounced = read.bouncedMessageId() == null ? null
          : conversations.findMessageIdByExternalId(Channel.EMAIL, read.bouncedMessageId()).orElse(null);
      archive.store(outcome.messageId(), item.id(), read, requester.forwardedBy(), bounced, item.receivedAt());
    }
    items.markProcessed(item.id(), outcome.redelivery() ? ItemState.DUPLICATE : ItemState.DONE, outcome.messageId(),
        contact.id(), outcome.conversationId(), clock.instant());
  }

  /**
   * Who the conversation is with, and what they said. When staff forward a customer's or vendor's
   * mail, that is the original sender and the original text; the forwarder is linked.
   */
  private Requester requesterOf(MailAddress from, ReadMail read) {
    ParsedMail mail = read.parsed();
    String fullText = read.fullText().strip().equals(read.newText().strip()) ? null : read.fullText();
    // Only staff whose mail passes authentication forward on a customer's behalf: anyone can write a staff From.
    Optional<ForwardedMessage> forwarded = read.forwarded()
        .filter(f -> !f.fromAddress().isBlank() && staffDomains.isStaff(from.address())
            && read.authentication().passes() && !staffDomains.isStaff(f.fromAddress()));
    if (forwarded.isEmpty()) {
      return new Requester(from, mail.subject(), read.newText(), fullText, null, null);
    }
    ForwardedMessage original = forwarded.get();
    String forwarder = display(from);
    String subject = original.subject() != null && !original.subject().isBlank() ? original.subject() : mail.subject();
    return new Requester(new MailAddress(original.fromAddress(), original.fromName()), subject, original.text(),
        read.fullText(), forwarder, original.comment());
  }

  private static String display(MailAddress address) {
    return address.name() == null || address.name().isBlank() ? address.address()
        : address.name() + " <" + address.address() + ">";
  }

  private record Requester(MailAddress address, String subject, String text, String fullText, String forwardedBy,
      String comment) {}

  private ReadMail read(InboundItem item) {
    byte[] raw = items.rawContent(item.id());
    if (raw == null) {
      throw new UnreadableItemException("The logged email has no raw content.", null);
    }
    try {
      return reader.read(raw);
    } catch (UnparseableMailException e) {
      throw new UnreadableItemException("The email cannot be parsed: " + e.getMessage(), e);
    }
  }

  private MailEnvelope envelopeOf(InboundItem item) {
    try {
      return json.readValue(item.payload(), MailEnvelope.class);
    } catch (JacksonException e) {
      throw new UnreadableItemException("The logged email's envelope is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** From, else Sender, else Reply-To, else the SMTP envelope sender. */
  private static Optional<MailAddress> senderOf(ParsedMail mail, MailEnvelope envelope) {
    List<MailAddress> candidates = new ArrayList<>();
    candidates.add(mail.from());
    candidates.add(mail.sender());
    candidates.addAll(mail.replyTo());
    if (envelope.envelopeSender() != null && !envelope.envelopeSender().isBlank()) {
      candidates.add(new MailAddress(envelope.envelopeSender(), null));
    }
    return candidates.stream().filter(a -> a != null && a.address() != null && a.address().contains("@")).findFirst();
  }

  private Identity identityOf(MailAddress address) {
    try {
      return identities.parse(address.address());
    } catch (ProblemException e) {
      throw new UnreadableItemException("The sender " + address.address() + " is not a usable address: "
          + e.getMessage(), e);
    }
  }

  private static String describe(String messageId) {
    return messageId == null ? "a message it does not name" : "<" + messageId + ">";
  }
}
