package dev.tact.delivery.web;

import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.OutboxState;
import dev.tact.delivery.Queued;
import dev.tact.policy.Purpose;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The outbox: queue notices and campaign steps; admins list, retry and cancel. */
@ApiController
@Tag(name = "Delivery")
class OutboxApiController {

  /** A message to queue; purpose TRANSACTIONAL or MARKETING. */
  record OutboundMessage(UUID contactId, String subject, String text, String purpose, String idempotencyKey) {}

  private final Outbox outbox;
  private final StaffPrincipals principals;

  OutboxApiController(Outbox outbox, StaffPrincipals principals) {
    this.outbox = outbox;
    this.principals = principals;
  }

  @Operation(summary = "Queue an email to a contact", description = "The contact policy decides first: the "
      + "answer's state is QUEUED, DEFERRED (notBefore) or DENIED (lastError says why). 201 for a new message; "
      + "the same idempotencyKey again answers 200 with the same message and sends nothing more.")
  @PostMapping("/api/v1/outbox/messages")
  ResponseEntity<OutboxEntry> queue(@RequestBody OutboundMessage message, Authentication authentication) {
    if (message == null) {
      throw ProblemException.invalid("missing-body", "Send contactId, subject, text, purpose and idempotencyKey.");
    }
    Queued queued = outbox.queue(new OutboundRequest(message.contactId(), message.subject(), message.text(),
        purpose(message.purpose()), message.idempotencyKey()), principals.who(authentication));
    return ResponseEntity.status(queued.created() ? HttpStatus.CREATED : HttpStatus.OK).body(queued.entry());
  }

  @Operation(summary = "Queue up to 1,000 emails at once (a campaign step)", description = "Decided by the contact "
      + "policy together and queued in one transaction, or none: an unknown contact, an incomplete message or a key "
      + "given twice rejects the batch. Answers one result per message, in order; created is false for a known key.")
  @PostMapping("/api/v1/outbox/messages/batch")
  List<Queued> queueAll(@RequestBody List<OutboundMessage> messages, Authentication authentication) {
    if (messages == null) {
      throw ProblemException.invalid("missing-body", "Send a JSON array of messages.");
    }
    return outbox.queueAll(messages.stream().map(m -> m == null ? null : new OutboundRequest(m.contactId(),
        m.subject(), m.text(), purpose(m.purpose()), m.idempotencyKey())).toList(), principals.who(authentication));
  }

  @GetMapping("/api/v1/outbox/messages/{id}")
  OutboxEntry get(@PathVariable UUID id) {
    return outbox.require(id);
  }

  @Operation(summary = "The outbox, newest first", description = "state: queued, deferred, sending, sent, failed, "
      + "bounced, cancelled or denied; none for all.")
  @GetMapping("/api/v1/admin/outbox")
  PageResult<OutboxEntry> list(@RequestParam(required = false) String state,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return outbox.list(state(state), new PageRequest(page, size));
  }

  @Operation(summary = "Send a failed, bounced, cancelled, denied or undeliverable message again",
      description = "Asks the contact policy again; 409 when it denies, when an undeliverable reply still has no way "
          + "out, or when the message is in another state.")
  @PostMapping("/api/v1/admin/outbox/{id}/retry")
  OutboxEntry retry(@PathVariable UUID id, Authentication authentication) {
    return outbox.retry(id, principals.who(authentication));
  }

  @Operation(summary = "Cancel a queued, deferred or undeliverable message", description = "409 in any other state.")
  @PostMapping("/api/v1/admin/outbox/{id}/cancel")
  OutboxEntry cancel(@PathVariable UUID id, Authentication authentication) {
    return outbox.cancel(id, principals.who(authentication));
  }

  static OutboxState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return OutboxState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-state", "Unknown state '" + state + "': use queued, deferred, sending, "
          + "sent, failed, bounced, cancelled or denied.");
    }
  }

  private static Purpose purpose(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      return null;
    }
    try {
      return Purpose.valueOf(purpose.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-purpose", "Unknown purpose '" + purpose
          + "': use TRANSACTIONAL or MARKETING.");
    }
  }
}
