package dev.tact.calls.web;

import dev.tact.calls.CallDirection;
import dev.tact.calls.CallOutcome;
import dev.tact.calls.CallRequest;
import dev.tact.calls.Calls;
import dev.tact.calls.LoggedCall;
import dev.tact.conversation.Actors;
import dev.tact.policy.PolicyRequests;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Calls over the API, for phone systems that log them: the same rules as the page. An outbound call needs the id of
 * the contact policy's decision for a phone call ({@code POST /api/v1/policy/decisions}, channel PHONE_CALL), at
 * most 30 minutes old; one the policy refused can be logged only as NOT_PLACED.
 */
@ApiController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls")
class CallsApiController {

  /** A call to log; {@code direction} and {@code outcome} are required. */
  record CallBody(UUID contactId, String number, String direction, String outcome, Integer durationSeconds,
      String notes, String conversation, String subject, String purpose, UUID decisionId) {}

  /** A logged call. */
  record CallView(UUID id, String direction, String outcome, String phone, UUID contactId, int durationSeconds,
      String notes, Instant occurredAt, String loggedBy, UUID itemId, UUID messageId, UUID conversationId,
      Long conversationNumber, UUID decisionId, String decisionOutcome, String decisionSummary) {

    static CallView of(LoggedCall c) {
      return new CallView(c.id(), c.direction().name(), c.outcome().name(), c.phone(), c.contactId(),
          c.durationSeconds(), c.notes(), c.occurredAt(), c.agentName(), c.itemId(), c.messageId(), c.conversationId(),
          c.filed() ? c.conversationNumber() : null, c.decisionId(),
          c.decisionOutcome() == null ? null : c.decisionOutcome().name(), c.decisionSummary());
    }
  }

  private final Calls calls;
  private final Actors actors;

  CallsApiController(Calls calls, Actors actors) {
    this.calls = calls;
    this.actors = actors;
  }

  @PostMapping
  @Operation(summary = "Log a call", description = "Inbound: filed through intake like a message from the caller "
      + "(conversationId once filed). Outbound: needs decisionId; a refused call only as NOT_PLACED.")
  ResponseEntity<CallView> log(@RequestBody CallBody body, Authentication auth) {
    if (body == null) {
      throw ProblemException.invalid("missing-body", "The call is missing.");
    }
    CallRequest request = new CallRequest(body.contactId(), body.number(),
        body.direction() == null ? null : CallDirection.parse(body.direction()),
        body.outcome() == null ? null : CallOutcome.parse(body.outcome()),
        body.durationSeconds() == null ? 0 : body.durationSeconds(), body.notes(), body.conversation(),
        body.subject(), PolicyRequests.purpose(body.purpose() == null ? "TRANSACTIONAL" : body.purpose()),
        body.decisionId());
    return ResponseEntity.status(HttpStatus.CREATED).body(CallView.of(calls.log(request, actors.of(auth))));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A logged call")
  CallView get(@PathVariable UUID id) {
    return CallView.of(calls.require(id));
  }
}
