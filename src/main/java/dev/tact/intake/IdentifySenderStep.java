package dev.tact.intake;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.noise.SenderStanding;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Finds or creates the sender's contact, learns what Tact knows of them (the facts noise control's rate limits
 * need), completes the message with its contact, and announces what the channel announces (a bounce).
 */
@Component
class IdentifySenderStep implements ItemStep {

  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final ApplicationEventPublisher events;

  IdentifySenderStep(ContactManagement contacts, ConversationManagement conversations,
      ApplicationEventPublisher events) {
    this.contacts = contacts;
    this.conversations = conversations;
    this.events = events;
  }

  @Override
  public Next apply(InboundContext context) {
    ReadItem read = context.read();
    Contact contact = contacts.resolve(read.sender().get(), read.names());
    Instant first = contact.tier() != null ? null : conversations.firstConversationAt(contact.id()).orElse(null);
    InboundMessage message = read.message().contact(contact.id(), contact.name()).build();
    context.sender(contact, new SenderStanding(contact.tier() != null, first), message);
    read.traits().announcements().forEach(events::publishEvent);
    return Next.PROCEED;
  }
}
