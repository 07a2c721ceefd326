package dev.tact.routing;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Status;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations the front door could not place (tag {@code triage}), with what the model thought, and an
 * agent's one move that places one: to a team, which the model learns from as from any agent's team move
 * ({@link IntentModels}), with an available agent of the conversation's tier.
 */
@Service
public class Triage {

  /** A conversation waiting in triage and the model's suggestions for it. */
  public record Item(ConversationSummary conversation, Optional<ConversationIntent> intent) {

    /** Why it waits here, in words ("no team takes outage ..."); empty when the front door did not say. */
    public String reason() {
      return intent.map(ConversationIntent::triageReason).orElse("");
    }
  }

  private final ConversationManagement conversations;
  private final FrontDoor door;
  private final IntentCatalogue catalogue;
  private final AgentPicker agents;
  private final RoutingProperties properties;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Triage(ConversationManagement conversations, FrontDoor door, IntentCatalogue catalogue, AgentPicker agents,
      RoutingProperties properties, StaffDirectory staff, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.events = events;
    this.conversations = conversations;
    this.door = door;
    this.catalogue = catalogue;
    this.agents = agents;
    this.properties = properties;
    this.staff = staff;
    this.jdbc = jdbc;
  }

  /** Open conversations in triage, newest activity first (at most {@code limit}, 1–100). */
  public List<Item> waiting(int limit) {
    ConversationFilter filter = new ConversationFilter(EnumSet.of(Status.NEW, Status.OPEN, Status.PENDING), null,
        null, false, FrontDoor.TRIAGE_TAG, null);
    return conversations.list(filter, new PageRequest(0, Math.clamp(limit, 1, PageRequest.MAX_SIZE))).items().stream()
        .map(c -> new Item(c, door.intentOf(c.id()))).toList();
  }

  /**
   * Sends a conversation from triage to a team: it leaves triage, gets the team's intent tag, and an available
   * agent of its tier when it has no assignee. The team move teaches the model. Unknown team: 404; a
   * conversation not in triage: 409; nothing changes then.
   */
  @Transactional
  public ConversationSummary route(UUID conversationId, Actor actor, UUID teamId) {
    if (teamId == null) {
      throw ProblemException.invalid("invalid-team", "Choose the team to route to.");
    }
    staff.requireTeam(teamId);
    ConversationSummary c = conversations.details(conversationId)
        .orElseThrow(() -> ProblemException.notFound("conversation", conversationId)).conversation();
    if (!c.tags().contains(FrontDoor.TRIAGE_TAG)) {
      throw ProblemException.conflict("not-in-triage", "Conversation #" + c.number() + " is not in triage.");
    }
    UUID assignee = c.assigneeId() != null ? c.assigneeId()
        : agents.pick(teamId, c.tier()).map(a -> a.id()).orElse(null);
    conversations.assign(conversationId, actor, assignee, teamId);
    conversations.removeTag(conversationId, actor, FrontDoor.TRIAGE_TAG);
    Optional<String> intent = catalogue.intentOfTeam(teamId);
    intent.ifPresent(i -> conversations.addTags(conversationId, actor, List.of(FrontDoor.intentTag(i))));
    jdbc.sql("UPDATE routing_intent SET triage = FALSE, triage_reason = NULL, intent = COALESCE(:intent, intent) "
            + "WHERE conversation_id = :id")
        .param("id", conversationId).param("intent", intent.orElse(null), java.sql.Types.VARCHAR).update();
    // The intent an agent chose is as good as certain: service targets that depend on it match again.
    door.intentOf(conversationId).ifPresent(decided -> events.publishEvent(new IntentDecided(conversationId,
        decided.intent(), 1.0, false, decided.decidedAt())));
    return conversations.details(conversationId).orElseThrow().conversation();
  }
}
