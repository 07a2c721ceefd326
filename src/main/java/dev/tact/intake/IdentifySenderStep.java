package dev.tact.intake;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.NamedIdentity;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.noise.SenderStanding;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Finds or creates the sender's contact, learns what Tact knows of them (the facts noise control's rate limits
 * need), completes the message with its contact, and announces what the channel announces (a bounce).
 *
 * <p>The contacts of the whole set are found or created first ({@link #prepare}, a few statements for the set: the
 * same new sender twice makes one contact), with when each one's first conversation was opened; filing cannot
 * change a contact. An item whose contact an earlier item of the set had reads that date again at its turn, since
 * the earlier item may have opened the contact's first conversation.
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

  /** Resolves the senders of the items still on the road, for the whole set, in their claimed order. */
  void prepare(List<InboundContext> contexts) {
    List<InboundContext> going = contexts.stream().filter(context -> context.next().proceeds()).toList();
    List<Contact> senders = contacts.resolveAll(going.stream()
        .map(context -> new NamedIdentity(context.read().sender().get(), context.read().names())).toList());
    Map<UUID, Instant> first = conversations.firstConversationsAt(senders.stream()
        .filter(contact -> contact.tier() == null).map(Contact::id).toList());
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < going.size(); i++) {
      Contact contact = senders.get(i);
      going.get(i).known(contact, seen.add(contact.id()) ? standing(contact, first.get(contact.id())) : null);
    }
  }

  @Override
  public Next apply(InboundContext context) {
    ReadItem read = context.read();
    Contact contact = context.knownSender();
    SenderStanding standing = context.knownStanding() != null ? context.knownStanding() : standing(contact,
        contact.tier() != null ? null : conversations.firstConversationAt(contact.id()).orElse(null));
    InboundMessage message = read.message().contact(contact.id(), contact.name()).build();
    context.sender(contact, standing, message);
    read.traits().announcements().forEach(events::publishEvent);
    return Next.PROCEED;
  }

  private static SenderStanding standing(Contact contact, Instant first) {
    return new SenderStanding(contact.tier() != null, contact.tier() != null ? null : first);
  }
}
