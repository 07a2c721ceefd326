package dev.tact.delivery;

import dev.tact.intake.BounceReceived;
import java.time.Clock;
import java.util.EnumSet;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A bounce that came back through the email intake marks the message it names BOUNCED and counts
 * a hard bounce for its recipient, after the intake's transaction commits (an event publication that
 * fails is retried, so a bounce is not lost). A "delayed" report changes nothing; the same bounce read
 * twice counts once.
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

  @ApplicationModuleListener
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
