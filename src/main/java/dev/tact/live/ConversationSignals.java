package dev.tact.live;

import dev.tact.conversation.ConversationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces every recorded change of a conversation to every node. It listens in the changing transaction and the
 * bus delivers after that transaction commits (PostgreSQL sends a NOTIFY at commit, and not at all on a rollback),
 * so nothing is announced that did not happen and no publication is stored: a missed signal costs a page a moment
 * of staleness, never data (pages read what they show from the database).
 */
@Component
class ConversationSignals {

  private final SignalBus bus;

  ConversationSignals(SignalBus bus) {
    this.bus = bus;
  }

  @EventListener
  void on(ConversationChanged changed) {
    bus.publish(ConversationSignal.TOPIC, new ConversationSignal(changed.conversationId(), changed.number(),
        changed.version(), changed.kind(), changed.actorId(), changed.actorName()));
  }
}
