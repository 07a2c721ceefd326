package dev.tact.incident.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.incident.Incident;
import dev.tact.incident.Incidents;
import dev.tact.incident.LinkedConversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The incidents a conversation reports ({@code incident/on-conversation :: incidents(c, incidentLinks)}). */
@Component
class IncidentsOnConversationPage implements ConversationPageContributor {

  /** One linked incident as the conversation page shows it. */
  record Shown(long number, String reference, String title, String state, String reason) {}

  private final Incidents incidents;

  IncidentsOnConversationPage(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    List<Shown> shown = new ArrayList<>();
    for (LinkedConversation link : incidents.linksOf(conversation.conversation().id())) {
      if (link.linked()) {
        Incident incident = incidents.require(link.incidentId());
        shown.add(new Shown(incident.number(), incident.reference(), incident.title(), incident.state().label(),
            link.linkedBy() == null ? "matched: " + link.matchReason() : "linked by " + link.linkedBy()));
      }
    }
    model.put("incidentLinks", shown);
  }
}
