package dev.tact.routing;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.routing.language.LanguageGuesser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationEscalated;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationOpened;
import dev.tact.staff.Tier;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * The one front door: every new conversation is matched against the admins' {@link RoutingRules},
 * else read by the intent model, tagged with its
 * intent, and sent to the intent's team (the one for the customer's language, {@link TeamChooser}) and one of its
 * available agents ({@link AgentPicker}); a prediction the model is unsure of, and an intent that no team takes,
 * go to triage (tag {@code triage}, with the reason) for an agent rather than to a wrong team or to nobody
 * ({@link Triage}). VIPs and complaints are
 * escalated at once. A team already chosen (by the
 * mailbox, say) is kept. The model is {@link IntentModels#current()}: the seed model of {@link
 * DefaultIntents} until an admin retrains it with what agents taught by moving conversations.
 */
@Service
public class FrontDoor {

  static final String TRIAGE_TAG = "triage";

  private final ConversationManagement conversations;
  private final JdbcClient jdbc;
  private final RoutingProperties properties;
  private final Clock clock;
  private final AgentPicker agents;
  private final IntentModels models;
  private final RoutingRules rules;
  private final ContactManagement contacts;
  private final TeamChooser teams;
  private final LanguageGuesser languages = new LanguageGuesser();
  private final ApplicationEventPublisher events;

  FrontDoor(ConversationManagement conversations, JdbcClient jdbc, RoutingProperties properties,
      Clock clock, AgentPicker agents, IntentModels models, RoutingRules rules, ContactManagement contacts,
      TeamChooser teams, ApplicationEventPublisher events) {
    this.teams = teams;
    this.events = events;
    this.agents = agents;
    this.models = models;
    this.rules = rules;
    this.contacts = contacts;
    this.conversations = conversations;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the front door read in this conversation, if it was opened since routing started. */
  public Optional<ConversationIntent> intentOf(UUID conversationId) {
    return jdbc.sql("SELECT * FROM routing_intent WHERE conversation_id = :id").param("id", conversationId)
        .query((rs, n) -> new ConversationIntent(rs.getObject("conversation_id", UUID.class), rs.getString("intent"),
            rs.getDouble("confidence"), rs.getBoolean("triage"), instant(rs, "decided_at"),
            Suggestions.read(rs.getString("suggestions")), rs.getString("language"), rs.getString("triage_reason")))
        .optional();
  }

  @ApplicationModuleListener
  void on(ConversationOpened opened) {
    if (!properties.enabled() || intentOf(opened.conversationId()).isPresent()) {
      return;
    }
    boolean unsure = route(opened);
    // Published last, after the tags and the assignment have taken the conversation's row, so that listeners
    // (SLA clocks) lock their rows after it, in the same order as every other change of a conversation.
    intentOf(opened.conversationId()).ifPresent(decided -> events.publishEvent(new IntentDecided(
        decided.conversationId(), decided.intent(), decided.confidence(), unsure, decided.decidedAt())));
  }

  /** Routes a new conversation; true when the model was unsure of its intent (it waits in triage). */
  private boolean route(ConversationOpened opened) {
    ConversationDetails details = conversations.requireDetails(opened.conversationId());
    String words = IntentModels.firstWords(details);
    Optional<Contact> contact = opened.contactId() == null ? Optional.empty() : contacts.find(opened.contactId());
    Optional<RoutingRule> rule = rules.firstMatch(details, contact, words);
    Prediction prediction = models.current().predict(words);
    String intent = prediction.intent();
    double confidence = prediction.confidence();
    if (rule.isPresent() && rule.get().intent() != null) {
      intent = rule.get().intent();
      confidence = 1.0;
    }
    Optional<String> language = languages.choose(words, contact.map(Contact::locale).orElse(null));
    UUID ruleTeam = rule.map(RoutingRule::teamId).orElse(null);
    boolean unsure = ruleTeam == null && confidence < properties.triageBelow();
    // a rule's team first, then a team already chosen (the mailbox's), then the intent's team for the language
    UUID team = null;
    if (!unsure) {
      team = ruleTeam != null ? ruleTeam : details.conversation().teamId();
      if (team == null) {
        team = teams.choose(intent, language, words).orElse(null);
      }
    }
    String reason = unsure ? unsureReason(prediction) : team == null ? noTeamReason(intent) : null;
    boolean triage = reason != null;
    jdbc.sql("""
        INSERT INTO routing_intent (conversation_id, intent, confidence, triage, decided_at, suggestions, language,
          triage_reason)
        VALUES (:id, :intent, :confidence, :triage, :at, :suggestions, :language, :reason)""")
        .param("id", opened.conversationId()).param("intent", intent).param("confidence", confidence)
        .param("triage", triage).param("at", utc(clock.instant()))
        .param("suggestions", Suggestions.write(prediction.top())).param("language", language.orElse(null))
        .param("reason", reason, java.sql.Types.VARCHAR).update();
    Actor door = Actor.system();
    Optional<Escalation> escalation = escalation(intent, confidence, contact, rule);
    if (unsure) {
      conversations.addTags(opened.conversationId(), door, List.of(TRIAGE_TAG));
      escalation.ifPresent(e -> conversations.escalate(opened.conversationId(), door, e.tier(), e.reason()));
      return true;
    }
    // never to nobody: an intent no team takes waits in triage, tagged with what it is
    conversations.addTags(opened.conversationId(), door, triage ? List.of(intentTag(intent), TRIAGE_TAG)
        : List.of(intentTag(intent)));
    if (team != null) {
      UUID assignee = details.conversation().assigneeId();
      if (assignee == null) {
        assignee = agents.pick(team, Tier.FIRST_LINE).map(a -> a.id()).orElse(null);
      }
      conversations.assign(opened.conversationId(), door, assignee, team);
    }
    escalation.ifPresent(e -> conversations.escalate(opened.conversationId(), door, e.tier(), e.reason()));
    return false;
  }

  private static String unsureReason(Prediction prediction) {
    StringBuilder reason = new StringBuilder("the model was unsure: ");
    for (int i = 0; i < Math.min(2, prediction.top().size()); i++) {
      Scored s = prediction.top().get(i);
      reason.append(i > 0 ? ", " : "").append(Math.round(s.probability() * 100)).append(" % ")
          .append(s.intent().replace('_', ' '));
    }
    return reason.toString();
  }

  private static String noTeamReason(String intent) {
    return "no team takes " + intent.replace('_', ' ') + " (Admin → Routing → Intents and their teams)";
  }

  static String intentTag(String intent) {
    return "intent:" + intent.replace('_', '-');
  }

  private record Escalation(Tier tier, String reason) {}

  /**
   * Where a new conversation escalates by rule, at once: a rule's escalation; a customer of a tier listed in
   * {@code tact.routing.escalate-customer-tiers} (vip by default) to the lead tier; a complaint the model is sure
   * of to the lead tier.
   * SLA breaches escalate later, through {@link ConversationManagement#escalate}, from the SLA module's timers.
   */
  private Optional<Escalation> escalation(String intent, double confidence, Optional<Contact> contact,
      Optional<RoutingRule> rule) {
    if (rule.isPresent() && rule.get().escalateTo() != null) {
      return Optional.of(new Escalation(rule.get().escalateTo(), "routing rule: " + rule.get().kind().name()
          .toLowerCase(java.util.Locale.ROOT) + " " + rule.get().value()));
    }
    Optional<String> tier = contact.map(Contact::tier).filter(t -> properties.escalateCustomerTiers().stream()
        .anyMatch(t::equalsIgnoreCase));
    if (tier.isPresent()) {
      return Optional.of(new Escalation(Tier.LEAD, "customer tier " + tier.get()));
    }
    // only a complaint the model is sure of: a rule may place an unsure one, but not escalate it
    if (confidence >= properties.triageBelow() && properties.escalateComplaints()
        && DefaultIntents.COMPLAINT.equals(intent)) {
      return Optional.of(new Escalation(Tier.LEAD, "the front door read a complaint"));
    }
    return Optional.empty();
  }

  /** An escalated conversation goes to an available agent of the new tier in its team, when there is one. */
  @ApplicationModuleListener
  void on(ConversationEscalated escalated) {
    if (!properties.enabled() || escalated.teamId() == null) {
      return;
    }
    agents.pick(escalated.teamId(), escalated.tier()).ifPresent(agent ->
        conversations.assign(escalated.conversationId(), Actor.system(), agent.id(), escalated.teamId()));
  }
}
