package dev.tact.incident;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.conversation.MessageAdded;
import dev.tact.routing.DefaultIntents;
import dev.tact.routing.IntentDecided;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links the customers' messages that report an open incident to it, after they are filed: each inbound message as
 * it arrives, and a new conversation again once the front door says it is about an outage. Nothing is read from the
 * database while no incident is open (the status page knows).
 */
@Component
class IncidentMatching {

  private static final Logger log = LoggerFactory.getLogger(IncidentMatching.class);
  private static final int REPORTS_COMPARED = 20;

  private final Incidents incidents;
  private final IncidentStore store;
  private final IncidentAcknowledgements acknowledgements;
  private final ConversationManagement conversations;
  private final OpenIncidentsHint hint;
  private final IncidentProperties properties;

  IncidentMatching(Incidents incidents, IncidentStore store, IncidentAcknowledgements acknowledgements,
      ConversationManagement conversations, OpenIncidentsHint hint, IncidentProperties properties) {
    this.incidents = incidents;
    this.store = store;
    this.acknowledgements = acknowledgements;
    this.conversations = conversations;
    this.hint = hint;
    this.properties = properties;
  }

  @ApplicationModuleListener(condition = "#added.fromCustomer() and @incidentMatching.matchingNow()")
  void on(MessageAdded added) {
    if (!added.fromCustomer() || !matchingNow()) {
      return;
    }
    match(added.conversationId(), added.contactId(), added.text(), false);
  }

  @ApplicationModuleListener(condition = "T(dev.tact.routing.DefaultIntents).OUTAGE.equals(#decided.intent())"
      + " and @incidentMatching.matchingNow()")
  void on(IntentDecided decided) {
    if (!DefaultIntents.OUTAGE.equals(decided.intent()) || !matchingNow()) {
      return;
    }
    Optional<Message> first = conversations.requireDetails(decided.conversationId()).firstInbound();
    first.filter(m -> m.contactId() != null)
        .ifPresent(m -> match(decided.conversationId(), m.contactId(), m.body(), true));
  }

  /**
   * Whether messages are matched at all now: matching is on and an incident is open. Asked when an event is
   * published too (the listeners' conditions), so that while nothing is open no listener call is recorded or run.
   */
  public boolean matchingNow() {
    return properties.matching() && hint.anyOpen();
  }

  private void match(UUID conversationId, UUID contactId, String text, boolean outageIntent) {
    List<Incident> open = incidents.open();
    if (open.isEmpty()) {
      return;
    }
    Optional<IncidentMatcher.Match> match = IncidentMatcher.match(text, outageIntent, profiles(open));
    if (match.isEmpty()) {
      return;
    }
    Incident incident = match.get().incident();
    try {
      if (incidents.linkMatched(incident.id(), conversationId, contactId, text, match.get().reason())
          && incident.acknowledgeReporters()) {
        acknowledgements.acknowledge(incident, conversationId, contactId);
      }
    } catch (DuplicateKeyException linkedMeanwhile) {
      log.debug("Conversation {} was linked to {} by another listener", conversationId, incident.reference());
    }
  }

  private List<IncidentMatcher.Profile> profiles(List<Incident> open) {
    Map<UUID, dev.tact.incident.Component> components = new java.util.HashMap<>();
    store.components().forEach(c -> components.put(c.id(), c));
    Map<UUID, List<String>> reports = store.excerpts(open.stream().map(Incident::id).toList(), REPORTS_COMPARED);
    List<IncidentMatcher.Profile> profiles = new ArrayList<>();
    for (Incident incident : open) {
      List<String> terms = new ArrayList<>(incident.keywords());
      for (UUID id : incident.componentIds()) {
        dev.tact.incident.Component c = components.get(id);
        if (c != null) {
          terms.add(c.name());
          terms.addAll(c.keywords());
        }
      }
      profiles.add(new IncidentMatcher.Profile(incident, terms,
          incident.title() + "\n" + incident.message() + "\n" + String.join(" ", incident.keywords()),
          reports.getOrDefault(incident.id(), List.of())));
    }
    return profiles;
  }
}
