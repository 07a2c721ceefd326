package dev.tact.compose.web;

import dev.tact.compose.Drafts;
import dev.tact.compose.HeldReplies;
import dev.tact.compose.HeldReply;
import dev.tact.compose.ReplyCopies;
import dev.tact.compose.ReplySender;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actors;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
  static final String CC = "replyCc";
  static final String BCC = "replyBcc";

  private final ContactManagement contacts;
  private final ReplyDelivery delivery;
  private final ChannelProviders providers;
  private final HeldReplies heldReplies;
  private final Drafts drafts;
  private final ReplySender sender;
  private final Actors actors;
  private final java.time.Clock clock;
  private final ReplyCopies copies;

  ReplyOnConversationPage(ContactManagement contacts, ReplyDelivery delivery, ChannelProviders providers,
      HeldReplies heldReplies, Drafts drafts, ReplySender sender, Actors actors, java.time.Clock clock,
      ReplyCopies copies) {
    this.copies = copies;
    this.clock = clock;
    this.heldReplies = heldReplies;
    this.drafts = drafts;
    this.sender = sender;
    this.actors = actors;
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
    UUID agentId = viewer();
    UUID conversationId = conversation.conversation().id();
    // the text kept across a redirect wins; else the draft saved as the agent typed
    Drafts.Draft saved = model.containsKey(DRAFT) || agentId == null ? null
        : drafts.find(agentId, conversationId).orElse(null);
    String draft = saved != null ? saved.text() : (String) model.getOrDefault(DRAFT, "");
    String cc = saved != null ? String.join(", ", saved.cc()) : (String) model.getOrDefault(CC, "");
    String bcc = saved != null ? String.join(", ", saved.bcc()) : (String) model.getOrDefault(BCC, "");
    List<ReplyForm.Held> held = heldReplies.heldIn(conversationId).stream().map(h -> held(h, agentId)).toList();
    model.put("replyCopies", copies.of(conversation.messages().stream()
        .filter(m -> m.direction() == dev.tact.conversation.Direction.OUTBOUND).map(m -> m.id()).toList()));
    model.put("replyForm", new ReplyForm(route, options(contact, providers), draft,
        (String) model.getOrDefault(VIA, ""), (PolicyAnswer) model.get(CHECK), cc, bcc,
        agentId == null ? null : sender.signatureFor(agentId, conversationId), held));
  }

  private ReplyForm.Held held(HeldReply h, UUID viewer) {
    boolean mine = viewer != null && viewer.equals(h.author().id());
    // BCC is shown to agents only: this page is theirs
    return new ReplyForm.Held(h.id(), h.author().name(), h.finalText(), h.sendAt(), mine,
        h.thenStatus() == null ? null : h.thenStatus().label(), String.join(", ", h.cc()), String.join(", ", h.bcc()),
        Math.max(0, java.time.Duration.between(clock.instant(), h.sendAt()).toSeconds()));
  }

  /** The agent looking at the page (null for anyone else). */
  private UUID viewer() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return null;
    }
    try {
      return actors.of(auth).id();
    } catch (RuntimeException e) {
      return null;
    }
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
