package dev.tact.compose.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.delivery.ChannelProviders;
import dev.tact.delivery.ReplyDelivery;
import dev.tact.delivery.ReplyRoute;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The reply box of the conversation page: where a reply goes by default and whether it can leave, the contact's other
 * identities it may go to instead (each with its way out), and, after the agent asked, the contact policy's answer.
 * Uses the contact the page has read (or reads it once); the ways out are asked of the providers, not of the
 * database, so the page runs no more statements than before.
 */
@Component
class ReplyOnConversationPage implements ConversationPageContributor {

  static final String DRAFT = "replyDraft";
  static final String VIA = "replyVia";
  static final String CHECK = "replyCheck";

  private final ContactManagement contacts;
  private final ReplyDelivery delivery;
  private final ChannelProviders providers;

  ReplyOnConversationPage(ContactManagement contacts, ReplyDelivery delivery, ChannelProviders providers) {
    this.contacts = contacts;
    this.delivery = delivery;
    this.providers = providers;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    // The conversation page has read its contact already (the customer panel); read it here only if it has not.
    UUID contactId = conversation.conversation().contactId();
    Contact contact = contactId == null ? null
        : model.get("contact") instanceof Contact read && read.id().equals(contactId) ? read
        : contacts.find(contactId).orElse(null);
    ReplyRoute route = delivery.route(conversation.conversation(), contact, ReplyVia.DEFAULT);
    model.put("replyForm", new ReplyForm(route, options(contact, providers), (String) model.getOrDefault(DRAFT, ""),
        (String) model.getOrDefault(VIA, ""), (PolicyAnswer) model.get(CHECK)));
  }

  /** The identities of the contact a written message can go to: email, phone (as a text), handles. */
  static List<ReplyForm.Option> options(Contact contact, ChannelProviders providers) {
    List<ReplyForm.Option> options = new ArrayList<>();
    if (contact == null) {
      return options;
    }
    for (Identity identity : contact.identities()) {
      Channel channel = identity.kind() == IdentityKind.EMAIL ? Channel.EMAIL
          : identity.kind() == IdentityKind.PHONE ? Channel.SMS : Channel.SOCIAL;
      ChannelProviders.WayOut way = providers.wayOut(channel);
      String label = (identity.kind() == IdentityKind.EMAIL ? "email to " : identity.kind() == IdentityKind.PHONE
          ? "text (SMS) to " : "social message to ") + identity.value();
      options.add(new ReplyForm.Option(identity.value(), way.open() ? label : label + " — " + way.whyNot(),
          way.open(), way.whyNot()));
    }
    return options;
  }
}
