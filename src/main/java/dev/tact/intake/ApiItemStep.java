package dev.tact.intake;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Channel;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.contact.Identity;
import dev.tact.noise.NoiseCandidate;
import dev.tact.noise.NoiseControl;
import dev.tact.noise.NoiseDecision;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline's step for messages posted as JSON: read the logged item, find or create the
 * contact, thread the message into its conversation, and mark the item done, all in the caller's
 * transaction so that either everything happens or nothing does.
 */
@Component
class ApiItemStep {

  private final JsonMapper json;
  private final IdentityParser identities;
  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final ItemStore items;
  private final Clock clock;
  private final NoiseControl noise;

  ApiItemStep(JsonMapper json, IdentityParser identities, ContactManagement contacts,
      ConversationManagement conversations, ItemStore items, Clock clock, NoiseControl noise) {
    this.noise = noise;
    this.json = json;
    this.identities = identities;
    this.contacts = contacts;
    this.conversations = conversations;
    this.items = items;
    this.clock = clock;
  }

  void process(InboundItem item) {
    MessageSubmission s;
    try {
      s = json.readValue(item.payload(), MessageSubmission.class);
    } catch (JacksonException e) {
      throw new UnreadableItemException("The logged payload is not valid message JSON: " + e.getOriginalMessage(), e);
    }
    Identity sender = identities.parse(s.sender());
    Contact contact = contacts.resolve(sender, new ContactNames(s.name(), s.givenName(), s.familyName()));
    InboundMessage message = new InboundMessage(item.messageId(), item.id(),
        Channel.parse(s.channel()), contact.id(), contact.name(), MessageIntake.blankToNull(s.subject()), s.text(),
        item.externalId(), MessageIntake.blankToNull(s.externalThreadId()), MessageIntake.blankToNull(s.conversation()),
        item.receivedAt()).submittedBy(item.submittedBy());
    NoiseCandidate candidate = new NoiseCandidate(message, sender.value(), sender.value(),
        s.name() == null || s.name().isBlank() ? sender.value() : s.name() + " <" + sender.value() + ">", false, null);
    NoiseDecision decision = noise.decide(candidate);
    if (!decision.files()) {
      NoiseSteps.mark(items, item, contact.id(), decision, clock.instant());
      return;
    }
    InboundOutcome outcome = conversations.receiveInbound(message);
    noise.filed(candidate, decision, outcome);
    items.markProcessed(item.id(), outcome.redelivery() ? ItemState.DUPLICATE : ItemState.DONE, outcome.messageId(),
        contact.id(), outcome.conversationId(), clock.instant());
  }
}
