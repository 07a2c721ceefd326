package dev.tact.delivery;

import dev.tact.intake.BounceReceived;
import java.time.Clock;
import java.util.EnumSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A bounce that came back through the email intake marks the message it names BOUNCED and counts
 * a hard bounce for its recipient, in the intake's transaction. A "delayed" report changes nothing;
 * the same bounce read twice counts once.
 */
@Component
class BounceListener {

  private final OutboxStore store;
  private final DeliveryProperties properties;
  private final Clock clock;

  BounceListener(OutboxStore store, DeliveryProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener
  void on(BounceReceived bounce) {
    if (!bounce.permanent()) {
      return;
    }
    store.findByHeaderMessageId(bounce.bouncedMessageId()).ifPresent(entry -> {
      boolean marked = store.finish(entry.id(), EnumSet.of(OutboxState.SENT, OutboxState.SENDING,
          OutboxState.QUEUED), OutboxState.BOUNCED, bounce.reason(), clock.instant());
      if (marked && entry.recipient() != null) {
        store.countHardBounce(entry.recipient(), bounce.reason(), clock.instant(),
            properties.hardBouncesUntilUndeliverable());
      }
    });
  }
}
