package dev.tact.routing;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationPlaced;
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
import org.springframework.context.event.EventListener;
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
    leave(conversationId, actor, teamId); // first, so that the assignment does not leave triage a second time
    conversations.assign(conversationId, actor, assignee, teamId);
    return conversations.details(conversationId).orElseThrow().conversation();
  }

  /**
   * A conversation given a team or an agent in any way (the conversation page, the API, the vendor-pitch owner)
   * has found its place: it leaves triage in the same transaction, so the next page no longer lists it. A team
   * chosen by an agent says what the conversation is about, as the Route button does.
   */
  @EventListener
  void on(ConversationPlaced placed) {
    if (inTriage(placed.conversationId())) {
      leave(placed.conversationId(), placed.actor(),
          placed.actor().kind() == Actor.Kind.AGENT ? placed.teamId() : null);
    }
  }

  private boolean inTriage(UUID conversationId) {
    return conversations.findByReference(conversationId.toString())
        .map(c -> c.tags().contains(FrontDoor.TRIAGE_TAG)).orElse(false);
  }

  /**
   * Takes the conversation out of triage; {@code chosenTeam}: a team an agent chose, whose intent it then has (in
   * place of the model's guess, as certain).
   */
  private void leave(UUID conversationId, Actor actor, UUID chosenTeam) {
    conversations.removeTag(conversationId, actor, FrontDoor.TRIAGE_TAG);
    Optional<String> intent = chosenTeam == null ? Optional.empty() : catalogue.intentOfTeam(chosenTeam);
    Optional<String> guessed = door.intentOf(conversationId).map(ConversationIntent::intent);
    intent.ifPresent(i -> {
      guessed.filter(g -> !g.equals(i)).ifPresent(g ->
          conversations.removeTag(conversationId, actor, FrontDoor.intentTag(g)));
      conversations.addTags(conversationId, actor, List.of(FrontDoor.intentTag(i)));
    });
    jdbc.sql("""
        UPDATE routing_intent SET triage = FALSE, triage_reason = NULL, intent = COALESCE(:intent, intent),
          confidence = CASE WHEN :intent IS NULL THEN confidence ELSE 1.0 END
         WHERE conversation_id = :id""")
        .param("id", conversationId).param("intent", intent.orElse(null), java.sql.Types.VARCHAR).update();
    // Out of triage the intent counts (as certain when an agent chose it): service targets that depend on it match.
    door.intentOf(conversationId).ifPresent(decided -> events.publishEvent(new IntentDecided(conversationId,
        decided.intent(), chosenTeam != null ? 1.0 : decided.confidence(), false, decided.decidedAt())));
  }
}
