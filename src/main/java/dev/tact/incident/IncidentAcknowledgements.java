package dev.tact.incident;

import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.policy.Purpose;
import dev.tact.shared.ProblemException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One "we know" notice per contact per incident, to those whose message was linked to it, when the incident asks
 * for it: transactional, through the contact policy and the outbox (its idempotency key makes it one).
 */
@Component
class IncidentAcknowledgements {

  private static final Logger log = LoggerFactory.getLogger(IncidentAcknowledgements.class);

  private final Outbox outbox;
  private final IncidentStore store;
  private final IncidentProperties properties;

  IncidentAcknowledgements(Outbox outbox, IncidentStore store, IncidentProperties properties) {
    this.outbox = outbox;
    this.store = store;
    this.properties = properties;
  }

  @Transactional
  void acknowledge(Incident incident, UUID conversationId, UUID contactId) {
    if (store.contactAcknowledged(incident.id(), contactId) || !store.acknowledge(incident.id(), conversationId)) {
      return;
    }
    String text = "Thank you for telling us. We know about this problem and are working on it: " + incident.title()
        + ".\n\n" + incident.message() + "\n\nFollow it here, with every update as we post it: "
        + properties.statusLink(incident) + "\n";
    try {
      outbox.queue(new OutboundRequest(contactId, "We know: " + incident.title(), text, Purpose.TRANSACTIONAL,
          "incident-ack:" + incident.id() + ":" + contactId), "incident " + incident.reference());
    } catch (ProblemException e) {
      log.info("No acknowledgement of {} to contact {}: {}", incident.reference(), contactId, e.getMessage());
    }
  }
}
