package dev.tact.intake;

import dev.tact.noise.HeldMessagesDiscarded;
import dev.tact.noise.HeldMessagesReleased;
import dev.tact.noise.NoiseDecision;
import dev.tact.noise.ReportSplit;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the pipeline does with an item noise control kept from filing, and with held items an
 * agent then decided on (in the agent's transaction, so the decision and the log agree).
 */
@Component
class NoiseSteps {

  private final ItemStore items;
  private final PipelineSignal signal;
  private final Clock clock;

  NoiseSteps(ItemStore items, PipelineSignal signal, Clock clock) {
    this.items = items;
    this.signal = signal;
    this.clock = clock;
  }

  /** A copy joined as a report (DONE), a redelivery (DUPLICATE), or held (SUPPRESSED); the raw item stays. */
  static void mark(ItemStore items, InboundItem item, UUID contactId, NoiseDecision decision, Instant at) {
    switch (decision.outcome()) {
      case DUPLICATE -> items.markNoted(item.id(), ItemState.DONE, item.messageId(), contactId,
          decision.conversationId(), "Joined the conversation as a linked report: " + decision.note(), at);
      case REDELIVERY -> items.markNoted(item.id(), ItemState.DUPLICATE,
          decision.reportId() != null ? decision.reportId() : item.messageId(), contactId, decision.conversationId(),
          decision.note(), at);
      case HELD -> items.markSuppressed(item.id(), contactId, decision.note() + " Held group " + decision.heldGroupId()
          + ".", at);
      default -> throw new IllegalArgumentException("A " + decision.outcome() + " message is filed, not marked");
    }
  }

  @EventListener
  void on(HeldMessagesReleased released) {
    for (UUID id : released.itemIds()) {
      items.requeueSuppressed(id, "Released from a held group by " + released.releasedBy() + ".", clock.instant());
    }
    signal.itemsLogged();
  }

  /** A report split out is now the message of its own conversation: the item points there. */
  @EventListener
  void on(ReportSplit split) {
    items.repointReport(split.reportId(), split.toConversationId());
  }

  @EventListener
  void on(HeldMessagesDiscarded discarded) {
    for (UUID id : discarded.itemIds()) {
      items.noteSuppressed(id,
          "Held, then discarded by " + discarded.discardedBy() + "; the raw message is kept here.");
    }
  }
}
