package dev.tact.noise;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.conversation.ThreadDecision;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import java.time.Instant;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** Files a message as the intake steps do (contact, thread, noise decision, filing), for tests without the pipeline. */
record Inbox(TransactionTemplate transactions, IdentityParser identities, ContactManagement contacts,
    NoiseControl noise, ConversationManagement conversations) {

  record Filed(NoiseDecision decision, UUID conversationId) {}

  Filed receive(String sender, String subject, String text, Instant at) {
    return receive(sender, subject, text, at, false);
  }

  /** As above; {@code automatic} marks mail sent by a machine (an auto-reply, list mail). */
  Filed receive(String sender, String subject, String text, Instant at, boolean automatic) {
    return transactions.execute(status -> {
      Contact contact = contacts.resolve(identities.parse(sender), new ContactNames(null, null, null));
      UUID messageId = Ids.newId();
      InboundMessage message = InboundMessage.builder(messageId, Channel.WEB).inboundItem(Ids.newId())
          .contact(contact.id(), contact.name()).subject(subject).text(text).externalMessageId("ext-" + messageId)
          .receivedAt(at).automatic(automatic).build();
      NoiseCandidate candidate = new NoiseCandidate(message, sender, sender, sender, false, null);
      ThreadDecision thread = conversations.threadOf(message);
      SenderStanding standing = new SenderStanding(contact.tier() != null,
          conversations.firstConversationAt(contact.id()).orElse(null));
      NoiseDecision decision = noise.decide(candidate, thread, standing);
      if (!decision.files()) {
        return new Filed(decision, decision.conversationId());
      }
      InboundOutcome outcome = conversations.receiveInbound(message, thread);
      noise.filed(candidate, decision, outcome);
      return new Filed(decision, outcome.conversationId());
    });
  }
}
