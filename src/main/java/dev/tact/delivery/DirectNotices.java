package dev.tact.delivery;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationProperties;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.mail.TextToHtml;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message to one identity of a contact, outside any conversation (a sign-in link of the customer portal): by email
 * to that address, or by text to that number when an SMS way out is configured. Like every outbound message it asks
 * the contact policy first and is queued in the caller's transaction; the idempotency key makes a second ask answer
 * the same row. Unlike {@link Outbox#queue}, which writes to a contact's first email address, it goes to the address
 * the caller names, which must be one of the contact's own.
 */
@Service
public class DirectNotices {

  private final Outbox outbox;
  private final ContactManagement contacts;
  private final ConversationProperties conversations;
  private final ChannelProviders providers;
  private final JsonMapper json;
  private final Clock clock;

  DirectNotices(Outbox outbox, ContactManagement contacts, ConversationProperties conversations,
      ChannelProviders providers, JsonMapper json, Clock clock) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.conversations = conversations;
    this.providers = providers;
    this.json = json;
    this.clock = clock;
  }

  /** The name of a configured way out on this channel (e.g. "Twilio" for SMS); empty when none is configured. */
  public Optional<String> wayOut(Channel channel) {
    return providers.configured(channel).map(ChannelProvider::name);
  }

  /** Queues an email to {@code address}, one of the contact's addresses; answers the outbox row's id. */
  @Transactional
  public UUID email(UUID contactId, String address, String subject, String text, Purpose purpose,
      String idempotencyKey, String actor) {
    Contact contact = contacts.require(contactId);
    String recipient = own(contact, IdentityKind.EMAIL, address);
    String oneLine = ControlCharacters.singleLine(subject);
    UUID id = Ids.newId();
    String headerMessageId = "tact.notice." + id + "@" + conversations.messageIdDomain();
    MailAddress from = outbox.from();
    byte[] content = OutgoingMailWriter.write(new OutgoingMail(from, List.of(new MailAddress(recipient,
        contact.name())), oneLine, text, TextToHtml.render(text), headerMessageId, null, List.of(), 0, true,
        clock.instant()));
    return outbox.queueRendered(new OutboxStore.Draft(idempotencyKey, OutboxKind.EMAIL, purpose, "notice", null, null,
        contact.id(), recipient, from.address(), oneLine, headerMessageId, content), Channel.EMAIL, oneLine,
        actor);
  }

  /**
   * Queues a text to {@code number}, one of the contact's numbers (E.164), for the SMS adapter; a 409 when no SMS way
   * out is configured. Answers the outbox row's id.
   */
  @Transactional
  public UUID text(UUID contactId, String number, String text, Purpose purpose, String idempotencyKey, String actor) {
    if (wayOut(Channel.SMS).isEmpty()) {
      throw ProblemException.conflict("no-sms-provider", "No SMS provider is configured: texts cannot be sent.");
    }
    Contact contact = contacts.require(contactId);
    String recipient = own(contact, IdentityKind.PHONE, number);
    String messageId = "tact.notice." + Ids.newId() + "@" + conversations.messageIdDomain();
    if (providers.sender(Channel.SMS).isPresent()) {
      // a provider that sends by itself (Twilio) takes the text alone, as for replies
      return outbox.queueRendered(new OutboxStore.Draft(idempotencyKey, OutboxKind.PROVIDER, purpose, "notice", null,
          null, contact.id(), recipient, Channel.SMS.name(), "text message", messageId,
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Channel.SMS, "text message", actor);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", messageId);
    body.put("channel", Channel.SMS.id());
    body.put("to", recipient);
    body.put("text", text);
    body.put("contactId", contact.id().toString());
    return outbox.queueRendered(new OutboxStore.Draft(idempotencyKey, OutboxKind.WEBHOOK, purpose, "notice", null,
        null, contact.id(), recipient, Channel.SMS.name(), "text message", messageId, json.writeValueAsBytes(body)),
        Channel.SMS, "text message", actor);
  }

  private static String own(Contact contact, IdentityKind kind, String value) {
    return contact.identities().stream().filter(i -> i.kind() == kind && i.value().equals(value)).findFirst()
        .map(i -> i.value()).orElseThrow(() -> ProblemException.invalid("not-the-contacts-identity",
            "'" + value + "' is not an identity of contact " + contact.id() + "."));
  }
}
