package dev.tact.routing;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.contact.ContactManagement;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationEscalated;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationOpened;
import dev.tact.staff.StaffDirectory;
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
 * intent, and sent to the intent's team and one of its available agents ({@link AgentPicker}); a prediction the model is unsure of goes to triage
 * (tag {@code triage}) for an agent rather than to a wrong team. A team already chosen (by the
 * mailbox, say) is kept. The model is {@link IntentModels#current()}: the seed model of {@link
 * DefaultIntents} until an admin retrains it with what agents taught by moving conversations.
 */
@Service
public class FrontDoor {

  static final String TRIAGE_TAG = "triage";

  private final ConversationManagement conversations;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final RoutingProperties properties;
  private final Clock clock;
  private final AgentPicker agents;
  private final IntentModels models;
  private final RoutingRules rules;
  private final ContactManagement contacts;
  private final ApplicationEventPublisher events;

  FrontDoor(ConversationManagement conversations, StaffDirectory staff, JdbcClient jdbc, RoutingProperties properties,
      Clock clock, AgentPicker agents, IntentModels models, RoutingRules rules, ContactManagement contacts,
      ApplicationEventPublisher events) {
    this.events = events;
    this.agents = agents;
    this.models = models;
    this.rules = rules;
    this.contacts = contacts;
    this.conversations = conversations;
    this.staff = staff;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the front door read in this conversation, if it was opened since routing started. */
  public Optional<ConversationIntent> intentOf(UUID conversationId) {
    return jdbc.sql("SELECT * FROM routing_intent WHERE conversation_id = :id").param("id", conversationId)
        .query((rs, n) -> new ConversationIntent(rs.getObject("conversation_id", UUID.class), rs.getString("intent"),
            rs.getDouble("confidence"), rs.getBoolean("triage"), instant(rs, "decided_at")))
        .optional();
  }

  @ApplicationModuleListener
  void on(ConversationOpened opened) {
    if (!properties.enabled() || intentOf(opened.conversationId()).isPresent()) {
      return;
    }
    ConversationDetails details = conversations.requireDetails(opened.conversationId());
    String words = IntentModels.firstWords(details);
    Optional<RoutingRule> rule = rules.firstMatch(details, contacts.find(opened.contactId()), words);
    String intent;
    double confidence;
    if (rule.isPresent() && rule.get().intent() != null) {
      intent = rule.get().intent();
      confidence = 1.0;
    } else {
      Prediction prediction = models.current().predict(words);
      intent = prediction.intent();
      confidence = prediction.confidence();
    }
    UUID ruleTeam = rule.map(RoutingRule::teamId).orElse(null);
    boolean triage = ruleTeam == null && confidence < properties.triageBelow();
    jdbc.sql("""
        INSERT INTO routing_intent (conversation_id, intent, confidence, triage, decided_at)
        VALUES (:id, :intent, :confidence, :triage, :at)""")
        .param("id", opened.conversationId()).param("intent", intent).param("confidence", confidence)
        .param("triage", triage).param("at", utc(clock.instant())).update();
    events.publishEvent(new ConversationClassified(opened.conversationId(), intent, confidence, triage,
        clock.instant()));
    Actor door = Actor.system();
    if (triage) {
      conversations.addTags(opened.conversationId(), door, List.of(TRIAGE_TAG));
      return;
    }
    conversations.addTags(opened.conversationId(), door, List.of("intent:" + intent.replace('_', '-')));
    // a rule's team first, then a team already chosen (the mailbox's), then the intent's team
    UUID team = ruleTeam != null ? ruleTeam : details.conversation().teamId();
    String teamName = properties.teams().get(intent);
    if (team == null && teamName != null) {
      team = staff.teamByName(teamName).map(t -> t.id()).orElse(null);
    }
    if (team == null) {
      return;
    }
    UUID assignee = details.conversation().assigneeId();
    if (assignee == null) {
      assignee = agents.pick(team, Tier.FIRST_LINE, properties.assignmentMode()).map(a -> a.id()).orElse(null);
    }
    conversations.assign(opened.conversationId(), door, assignee, team);
    if (properties.escalateComplaints() && DefaultIntents.COMPLAINT.equals(intent)) {
      conversations.escalate(opened.conversationId(), door, Tier.LEAD, "the front door read a complaint");
    }
  }

  /** An escalated conversation goes to an available agent of the new tier in its team, when there is one. */
  @ApplicationModuleListener
  void on(ConversationEscalated escalated) {
    if (!properties.enabled() || escalated.teamId() == null) {
      return;
    }
    agents.pick(escalated.teamId(), escalated.tier(), properties.assignmentMode()).ifPresent(agent ->
        conversations.assign(escalated.conversationId(), Actor.system(), agent.id(), escalated.teamId()));
  }
}
