package dev.tact.routing;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.GivenField;
import dev.tact.conversation.HistoryEntry;
import dev.tact.conversation.Message;
import dev.tact.staff.TeamSkills;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the customer already told us, so that nobody asks again: what the front door read, who the customer is,
 * what they gave in their messages ({@link FactExtractor}, with the products teams know), and where the
 * conversation has been (teams, agents, tiers and why it was escalated). Shown at the top of a conversation,
 * above all to the agent who receives an escalation.
 */
@Service
public class ConversationFacts {

  /**
   * The facts of one conversation.
   *
   * @param intent what the front door read, if it routed this conversation
   * @param customerTier the contact's tier ({@code standard} when none was set); null without a contact
   * @param stated facts from the customer's messages
   * @param given values the customer gave under a label (a web form's extra fields), oldest first
   * @param teams teams it was moved to, in order; agents, tiers (escalations) likewise, each once
   * @param escalations each escalation's "from → to: reason", oldest first
   */
  public record Facts(UUID conversationId, Optional<ConversationIntent> intent, String contactName,
      String customerTier, String locale, String timeZone, String language, List<String> channels, List<Fact> stated,
      List<GivenField> given, List<String> teams, List<String> agents, List<String> tiers, List<String> escalations) {}

  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final FrontDoor door;
  private final TeamSkills skills;
  private final FactExtractor extractor = new FactExtractor();

  ConversationFacts(ConversationManagement conversations, ContactManagement contacts, FrontDoor door,
      TeamSkills skills) {
    this.conversations = conversations;
    this.contacts = contacts;
    this.door = door;
    this.skills = skills;
  }

  /** The facts of a conversation (404 when there is none). */
  public Facts of(UUID conversationId) {
    return of(conversations.requireDetails(conversationId));
  }

  /** The facts of a conversation already read (the conversation page has it, and need not read it again). */
  public Facts of(ConversationDetails details) {
    UUID conversationId = details.conversation().id();
    Optional<Contact> contact = Optional.ofNullable(details.conversation().contactId()).flatMap(contacts::find);
    Optional<ConversationIntent> intent = door.intentOf(conversationId);
    List<String> texts = new ArrayList<>();
    texts.add(details.conversation().subject());
    LinkedHashSet<String> channels = new LinkedHashSet<>();
    channels.add(details.conversation().channel().id());
    for (Message m : details.messages()) {
      if (m.direction() == Direction.INBOUND) {
        texts.add(m.body());
        channels.add(m.channel().id());
      }
    }
    List<String> products = skills.all().values().stream().flatMap(s -> s.products().stream()).distinct().toList();
    LinkedHashSet<String> teams = new LinkedHashSet<>();
    LinkedHashSet<String> agents = new LinkedHashSet<>();
    LinkedHashSet<String> tiers = new LinkedHashSet<>();
    List<String> escalations = new ArrayList<>();
    for (HistoryEntry h : details.history()) {
      String detail = h.detail() == null ? "" : h.detail();
      switch (h.kind()) {
        case "TEAM_CHANGED" -> teams.add(detail.replaceFirst("^to ", ""));
        case "ASSIGNED" -> {
          if (detail.startsWith("to ")) {
            agents.add(detail.substring(3));
          }
        }
        case "ESCALATED" -> {
          escalations.add(detail);
          int arrow = detail.indexOf(" → ");
          if (arrow > 0) {
            tiers.add(detail.substring(0, arrow));
            int colon = detail.indexOf(':', arrow);
            tiers.add(detail.substring(arrow + 3, colon > 0 ? colon : detail.length()));
          }
        }
        default -> { }
      }
    }
    return new Facts(conversationId, intent, contact.map(Contact::name).orElse(null),
        contact.map(Contact::tierOrStandard).orElse(null), contact.map(Contact::locale).orElse(null),
        contact.map(Contact::timeZone).orElse(null), intent.map(ConversationIntent::language).orElse(null),
        List.copyOf(channels), extractor.extract(texts, products), conversations.givenFields(conversationId),
        List.copyOf(teams), List.copyOf(agents),
        List.copyOf(tiers), escalations);
  }
}
