package dev.tact.intake;

import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityParser;
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
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a logged email like an agent would: finds the requester (the original sender when staff forwarded a
 * customer's mail), what it answers (Message-ID, References, subject token) and the mailbox's team. Mail that
 * cannot be parsed is parked raw; automatic mail past the loop limit, and a bounce about nothing Tact sent, are
 * kept in the log but not filed; what is filed or joined as a report keeps what was read beside it.
 */
@Component
class MailItemReader implements ItemReader {

  private final MailReader reader;
  private final MailArchive archive;
  private final MailLoopGuard loops;
  private final MailProperties mailProperties;
  private final StaffDomains staffDomains;
  private final Mailboxes mailboxes;
  private final StaffDirectory staff;
  private final IdentityParser identities;
  private final ConversationManagement conversations;
  private final JsonMapper json;

  MailItemReader(MailReader reader, MailArchive archive, MailLoopGuard loops,
      MailProperties mailProperties, StaffDomains staffDomains, Mailboxes mailboxes, StaffDirectory staff,
      IdentityParser identities, ConversationManagement conversations, JsonMapper json) {
    this.reader = reader;
    this.archive = archive;
    this.loops = loops;
    this.mailProperties = mailProperties;
    this.staffDomains = staffDomains;
    this.mailboxes = mailboxes;
    this.staff = staff;
    this.identities = identities;
    this.conversations = conversations;
    this.json = json;
  }

  @Override
  public String contentType() {
    return MessageIntake.MAIL_CONTENT_TYPE;
  }

  @Override
  public ReadItem read(InboundItem item, byte[] raw) {
    MailEnvelope envelope = envelopeOf(item);
    ReadMail read = readMail(raw);
    ParsedMail mail = read.parsed();
    MailAddress from = senderOf(mail, envelope)
        .orElseThrow(() -> new UnreadableItemException("The email names no sender address.", null));
    Requester requester = requesterOf(from, read);
    List<String> repliesTo = new ArrayList<>();
    if (read.bouncedMessageId() != null) {
      repliesTo.add(read.bouncedMessageId());
    }
    repliesTo.addAll(read.repliesTo());
    String externalId = mail.messageId() != null ? mail.messageId() : item.externalId();
    // The mailbox's team, unless that team is gone.
    UUID teamId = envelope.mailboxId() == null ? null : mailboxes.teamOf(envelope.mailboxId())
        .filter(team -> staff.team(team).isPresent()).orElse(null);
    boolean unauthenticated = !read.authentication().passes();
    InboundMessage.Builder message = InboundMessage.builder(item.messageId(), Channel.EMAIL)
        .inboundItem(item.id())
        .subject(requester.subject())
        .text(requester.text())
        .fullText(requester.fullText())
        .externalMessageId(externalId)
        .receivedAt(item.receivedAt())
        .repliesTo(repliesTo)
        .subjectNumber(read.subjectNumber())
        .team(teamId)
        .automatic(read.automatic())
        .followUpOnly(read.bounce())
        .forwardedBy(requester.forwardedBy())
        .unauthenticated(unauthenticated);
    ReadItem.Reporting reporting = new ReadItem.Reporting(requester.address().address(), from.address(),
        requester.forwardedBy() != null ? requester.forwardedBy() : display(from), requester.forwardedBy() != null,
        requester.comment(), unauthenticated);
    return new ReadItem(() -> identityOf(requester.address()), new ContactNames(requester.address().name(), null, null),
        message, reporting, new MailTraits(item, read, from, requester.forwardedBy(), envelope.mailboxId()));
  }

  /** What email adds to the road: the loop guard, the bounce notice, and the archive of what was read. */
  private final class MailTraits implements ChannelTraits {

    private final InboundItem item;
    private final ReadMail read;
    private final MailAddress from;
    private final String forwardedBy;
    private final UUID mailboxId;

    MailTraits(InboundItem item, ReadMail read, MailAddress from, String forwardedBy, UUID mailboxId) {
      this.item = item;
      this.read = read;
      this.from = from;
      this.forwardedBy = forwardedBy;
      this.mailboxId = mailboxId;
    }

    @Override
    public Optional<String> suppression() {
      if (read.automatic() && !loops.mayFileAutomaticFrom(from.address())) {
        return Optional.of("Mail loop: more than " + mailProperties.maxAutomaticPerHour()
            + " automatic messages from " + from.address() + " in the past hour.");
      }
      return Optional.empty();
    }

    @Override
    public List<Object> announcements() {
      return read.bouncedMessageId() == null ? List.of()
          : List.of(new BounceReceived(read.bouncedMessageId(), read.parsed().deliveryReport(), item.receivedAt()));
    }

    @Override
    public String unfiledReason() {
      return "A bounce about " + describe(read.bouncedMessageId()) + ", which Tact did not send.";
    }

    @Override
    public void keptAsReport(InboundContext context) {
      // kept under the report's id: a report split out later becomes a message with this id and its mail
      archive.store(item.messageId(), item.id(), read, forwardedBy, null, item.receivedAt());
    }

    @Override
    public void filed(InboundContext context, InboundOutcome outcome) {
      if (outcome.openedConversation() && mailboxId != null) {
        mailboxes.openedThrough(outcome.conversationId(), mailboxId);
      }
      if (!outcome.redelivery()) {
        UUID bounced = read.bouncedMessageId() == null ? null
            : conversations.findMessageIdByExternalId(Channel.EMAIL, read.bouncedMessageId()).orElse(null);
        archive.store(outcome.messageId(), item.id(), read, forwardedBy, bounced, item.receivedAt());
      }
    }
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

  private ReadMail readMail(byte[] raw) {
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
