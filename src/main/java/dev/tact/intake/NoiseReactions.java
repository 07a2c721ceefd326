package dev.tact.intake;

import dev.tact.noise.HeldMessagesDiscarded;
import dev.tact.noise.HeldMessagesReleased;
import dev.tact.noise.ReportSplit;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the inbound log does with held items an agent decided on, and with a report split out (in the agent's
 * transaction, so the decision and the log agree).
 */
@Component
class NoiseReactions {

  private final ItemStore items;
  private final PipelineSignal signal;
  private final Clock clock;

  NoiseReactions(ItemStore items, PipelineSignal signal, Clock clock) {
    this.items = items;
    this.signal = signal;
    this.clock = clock;
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
