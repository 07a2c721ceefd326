package dev.tact.routing.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.routing.ConversationFacts;
import dev.tact.routing.Triage;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@Tag(name = "Routing", description = "Triage and what the customer already told us")
class TriageApiController {

  record RouteRequest(UUID teamId) {}

  private final Triage triage;
  private final ConversationFacts facts;
  private final ConversationManagement conversations;
  private final StaffPrincipals principals;
  private final Actors actors;

  TriageApiController(Triage triage, ConversationFacts facts, ConversationManagement conversations,
      StaffPrincipals principals, Actors actors) {
    this.triage = triage;
    this.facts = facts;
    this.conversations = conversations;
    this.principals = principals;
    this.actors = actors;
  }

  @Operation(summary = "Conversations the front door could not place",
      description = "Open conversations tagged triage, newest first, with the model's suggested intents and "
          + "their probabilities.")
  @GetMapping("/api/v1/triage")
  List<Triage.Item> waiting(@RequestParam(defaultValue = "50") int limit) {
    return triage.waiting(limit);
  }

  @Operation(summary = "Route a conversation from triage to a team",
      description = "It leaves triage, gets the team's intent and an available agent of its tier; the move teaches "
          + "the model like any agent's team move. 409 when it is not in triage.")
  @PostMapping("/api/v1/triage/{reference}/route")
  ConversationSummary route(@PathVariable String reference, @RequestBody(required = false) RouteRequest request,
      Authentication authentication) {
    UUID id = resolve(reference);
    return triage.route(id, actors.of(authentication), request == null ? null : request.teamId());
  }

  @Operation(summary = "What the customer already told us",
      description = "Intent and confidence, the contact's name, tier, locale and zone, channels, order/invoice/"
          + "account numbers, amounts, dates, addresses, phone numbers and products from the customer's messages, "
          + "and the teams, agents, tiers and escalation reasons so far.")
  @GetMapping("/api/v1/conversations/{reference}/facts")
  ConversationFacts.Facts facts(@PathVariable String reference) {
    return facts.of(resolve(reference));
  }

  private UUID resolve(String reference) {
    return conversations.requireByReference(reference).id();
  }
}
