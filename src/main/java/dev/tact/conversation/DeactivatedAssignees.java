package dev.tact.conversation;

import dev.tact.staff.AgentDeactivated;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an agent is deactivated, their conversations that are not solved or closed go back to their team's queue:
 * unassigned, the team kept, with a history entry that says why and {@link FilingChanged}. It runs in the
 * deactivation's own transaction, so both happen or neither. Histories keep the agent's name (it is stored with each
 * entry).
 */
@Component
class DeactivatedAssignees {

  private final JdbcClient jdbc;
  private final ConversationStore store;
  private final ChangeRecorder changes;
  private final StaffDirectory staff;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  DeactivatedAssignees(JdbcClient jdbc, ConversationStore store, ChangeRecorder changes, StaffDirectory staff,
      Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.store = store;
    this.changes = changes;
    this.staff = staff;
    this.clock = clock;
  }

  @EventListener
  void on(AgentDeactivated deactivated) {
    List<UUID> open = jdbc.sql("""
        SELECT id FROM conv_conversation WHERE assignee_id = :agent AND status NOT IN ('SOLVED', 'CLOSED')""")
        .param("agent", deactivated.agentId()).query(UUID.class).list();
    String name = staff.agent(deactivated.agentId()).map(a -> a.displayName()).orElse(deactivated.email());
    Instant at = clock.instant();
    for (UUID conversationId : open) {
      store.updateColumn(conversationId, "assignee_id", null, at);
      changes.record(conversationId, Actor.system(), "ASSIGNED",
          "unassigned: " + name + " was deactivated; back to the team's queue", at);
      store.find(conversationId).ifPresent(now -> events.publishEvent(FilingChanged.of(now, at)));
    }
  }
}
