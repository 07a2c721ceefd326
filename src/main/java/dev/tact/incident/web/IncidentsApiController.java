package dev.tact.incident.web;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.incident.AffectedContactSelection;
import dev.tact.incident.Component;
import dev.tact.incident.Components;
import dev.tact.incident.Impact;
import dev.tact.incident.Incident;
import dev.tact.incident.IncidentFigures;
import dev.tact.incident.IncidentState;
import dev.tact.incident.IncidentUpdate;
import dev.tact.incident.Incidents;
import dev.tact.incident.LinkedConversation;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incidents and components over the API: any agent reads; leads and admins declare, post updates and select
 * contacts; admins keep components (/api/v1/admin/components). Incidents are named by number ("12" or "INC-12").
 */
@ApiController
@Tag(name = "Incidents")
class IncidentsApiController {

  /** A new incident; {@code impact} minor, major or critical. */
  record DeclarationBody(String title, String impact, List<UUID> components, String message, Instant startedAt,
      String keywords, Boolean sendNotices, Boolean acknowledgeReporters) {}

  /** An update; {@code version} the incident's version you saw (optional; a 409 when it changed since). */
  record UpdateBody(String state, String message, Boolean sendNotices, String impact, List<UUID> components,
      Long version) {}

  record DetailsBody(String title, String keywords, String postmortemUrl, Boolean acknowledgeReporters,
      Long version) {}

  record LinkBody(String conversation) {}

  record SelectionBody(String tier, String conversationTag, List<String> identities) {}

  record ComponentBody(String name, String group, String description, List<String> keywords, Integer position) {}

  record IncidentView(UUID id, long number, String reference, String title, String impact, String state,
      String message, List<String> keywords, List<UUID> components, Instant startedAt, Instant declaredAt,
      String declaredBy, Instant resolvedAt, String postmortemUrl, boolean acknowledgeReporters, long version,
      IncidentFigures figures, List<IncidentUpdate> updates) {

    static IncidentView of(Incident i, IncidentFigures figures, List<IncidentUpdate> updates) {
      return new IncidentView(i.id(), i.number(), i.reference(), i.title(), i.impact().id(), i.state().id(),
          i.message(), i.keywords(), i.componentIds(), i.startedAt(), i.declaredAt(), i.declaredBy(), i.resolvedAt(),
          i.postmortemUrl(), i.acknowledgeReporters(), i.version(), figures, updates);
    }
  }

  private final Incidents incidents;
  private final Components components;
  private final AffectedContactSelection selection;
  private final ConversationManagement conversations;
  private final StaffPrincipals principals;

  IncidentsApiController(Incidents incidents, Components components, AffectedContactSelection selection,
      ConversationManagement conversations, StaffPrincipals principals) {
    this.incidents = incidents;
    this.components = components;
    this.selection = selection;
    this.conversations = conversations;
    this.principals = principals;
  }

  @GetMapping("/api/v1/incidents")
  @Operation(summary = "Open incidents, or the most recent ones (state=all)")
  List<IncidentView> list(@RequestParam(defaultValue = "open") String state) {
    List<Incident> found = switch (state) {
      case "open" -> incidents.open();
      case "all" -> incidents.recent(100);
      default -> throw ProblemException.invalid("invalid-state-filter", "state is open or all.");
    };
    return found.stream().map(i -> IncidentView.of(i, null, null)).toList();
  }

  @GetMapping("/api/v1/incidents/{ref}")
  @Operation(summary = "An incident with its figures and updates")
  IncidentView get(@PathVariable String ref) {
    Incident incident = incidents.require(number(ref));
    return IncidentView.of(incident, incidents.figures(incident), incidents.updates(incident.id()));
  }

  @PostMapping("/api/v1/incidents")
  @Operation(summary = "Declare an incident (leads and admins)")
  ResponseEntity<IncidentView> declare(@RequestBody DeclarationBody body, Authentication auth) {
    IncidentsController.requireLead(auth);
    if (body == null) {
      throw ProblemException.invalid("missing-body", "The incident is missing.");
    }
    Incident incident = incidents.declare(new Incidents.Declaration(body.title(),
        body.impact() == null ? null : Impact.parse(body.impact()), body.components(), body.message(),
        body.startedAt(), body.keywords(), Boolean.TRUE.equals(body.sendNotices()),
        Boolean.TRUE.equals(body.acknowledgeReporters())), principals.who(auth));
    return ResponseEntity.status(HttpStatus.CREATED).body(IncidentView.of(incident, incidents.figures(incident),
        incidents.updates(incident.id())));
  }

  @PostMapping("/api/v1/incidents/{ref}/updates")
  @Operation(summary = "Post an update (leads and admins); state resolved resolves it")
  IncidentView post(@PathVariable String ref, @RequestBody UpdateBody body, Authentication auth) {
    IncidentsController.requireLead(auth);
    if (body == null || body.state() == null) {
      throw ProblemException.invalid("missing-incident-state", "An update needs a state.");
    }
    Incident incident = incidents.post(incidents.require(number(ref)).id(), new Incidents.Update(
        IncidentState.parse(body.state()), body.message(), Boolean.TRUE.equals(body.sendNotices()),
        body.impact() == null ? null : Impact.parse(body.impact()), body.components(), body.version()),
        principals.who(auth));
    return IncidentView.of(incident, incidents.figures(incident), incidents.updates(incident.id()));
  }

  @PutMapping("/api/v1/incidents/{ref}/details")
  @Operation(summary = "Change the title, keywords, post-mortem address (leads and admins)")
  IncidentView amend(@PathVariable String ref, @RequestBody DetailsBody body, Authentication auth) {
    IncidentsController.requireLead(auth);
    if (body == null) {
      throw ProblemException.invalid("missing-body", "The details are missing.");
    }
    Incident incident = incidents.amend(incidents.require(number(ref)).id(), new Incidents.Details(body.title(),
        body.keywords(), body.postmortemUrl(), Boolean.TRUE.equals(body.acknowledgeReporters())), body.version(),
        principals.who(auth));
    return IncidentView.of(incident, incidents.figures(incident), incidents.updates(incident.id()));
  }

  @GetMapping("/api/v1/incidents/{ref}/conversations")
  @Operation(summary = "The conversations linked to an incident (and those unlinked)")
  List<LinkedConversation> links(@PathVariable String ref) {
    return incidents.links(incidents.require(number(ref)).id());
  }

  @PostMapping("/api/v1/incidents/{ref}/conversations")
  @Operation(summary = "Link a conversation to an incident")
  ResponseEntity<Void> link(@PathVariable String ref, @RequestBody LinkBody body, Authentication auth) {
    if (body == null || body.conversation() == null) {
      throw ProblemException.invalid("missing-conversation", "Name the conversation (its number or id).");
    }
    ConversationSummary c = conversations.requireByReference(body.conversation());
    incidents.link(incidents.require(number(ref)).id(), c.id(), c.contactId(), c.subject(), principals.who(auth));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/incidents/{ref}/conversations/{conversationId}")
  @Operation(summary = "Unlink a conversation that does not report the incident")
  ResponseEntity<Void> unlink(@PathVariable String ref, @PathVariable UUID conversationId, Authentication auth) {
    incidents.unlink(incidents.require(number(ref)).id(), conversationId, principals.who(auth));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/incidents/{ref}/contacts")
  @Operation(summary = "Select affected contacts by tier, conversation tag or identities (leads and admins)")
  Map<String, Integer> select(@PathVariable String ref, @RequestBody SelectionBody body, Authentication auth) {
    IncidentsController.requireLead(auth);
    if (body == null) {
      throw ProblemException.invalid("missing-body", "The selection is missing.");
    }
    int added = selection.select(incidents.require(number(ref)).id(), new AffectedContactSelection.Criteria(
        body.tier(), body.conversationTag(), body.identities() == null ? null : String.join("\n", body.identities())),
        principals.who(auth));
    return Map.of("added", added);
  }

  @GetMapping("/api/v1/components")
  @Operation(summary = "The components incidents name")
  List<Component> components() {
    return components.all();
  }

  @PostMapping("/api/v1/admin/components")
  @Operation(summary = "Add a component (admins)")
  ResponseEntity<Component> addComponent(@RequestBody ComponentBody body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(components.add(input(body)));
  }

  @PutMapping("/api/v1/admin/components/{id}")
  @Operation(summary = "Change a component (admins)")
  Component changeComponent(@PathVariable UUID id, @RequestBody ComponentBody body) {
    return components.change(id, input(body));
  }

  @DeleteMapping("/api/v1/admin/components/{id}")
  @Operation(summary = "Remove a component no incident names (admins)")
  ResponseEntity<Void> removeComponent(@PathVariable UUID id) {
    components.remove(id);
    return ResponseEntity.noContent().build();
  }

  private static Components.ComponentInput input(ComponentBody body) {
    if (body == null) {
      throw ProblemException.invalid("missing-body", "The component is missing.");
    }
    return new Components.ComponentInput(body.name(), body.group(), body.description(),
        body.keywords() == null ? null : String.join(",", body.keywords()), body.position());
  }

  private static long number(String ref) {
    String r = ref == null ? "" : ref.strip();
    if (r.regionMatches(true, 0, "INC-", 0, 4)) {
      r = r.substring(4);
    }
    if (!r.matches("\\d{1,18}")) {
      throw ProblemException.notFound("incident", ref);
    }
    return Long.parseLong(r);
  }
}
