package dev.tact.churn.web;

import dev.tact.churn.AtRiskContact;
import dev.tact.churn.ChurnLedger;
import dev.tact.churn.SilentChurn;
import dev.tact.contact.ContactManagement;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Silent churn over the API: leads and admins list the contacts at risk ({@code GET /api/v1/churn/at-risk});
 * integrations tell Tact a contact bought something ({@code POST /api/v1/contacts/{id}/activity}), which counts in
 * their rhythm like a conversation.
 */
@ApiController
@Tag(name = "Silent churn")
class ChurnApiController {

  /** {@code kind} "purchase"; {@code at} when (default now, not in the future); {@code valueCents} optional, >= 0. */
  record ActivityBody(String kind, Instant at, Long valueCents) {}

  record ExperienceView(String kind, String label, String detail, Instant at, UUID conversationId) {}

  record AtRiskView(UUID contactId, String name, Instant lastActivityAt, long usualIntervalDays,
      Instant overdueSince, int episodes, int purchases, long valueCents, String lastChannel, UUID lastTeamId,
      UUID lastConversationId, String reason, List<ExperienceView> experiences) {}

  private final SilentChurn churn;
  private final ChurnLedger ledger;
  private final ContactManagement contacts;
  private final Clock clock;

  ChurnApiController(SilentChurn churn, ChurnLedger ledger, ContactManagement contacts, Clock clock) {
    this.churn = churn;
    this.ledger = ledger;
    this.contacts = contacts;
    this.clock = clock;
  }

  @GetMapping("/api/v1/churn/at-risk")
  @Operation(summary = "Contacts at risk of silent churn", description = "Overdue contacts whose latest episode was "
      + "poor, with the reason. Filters: reason, team, agent, channel, intent; order newest (default) or value.")
  PageResult<AtRiskView> atRisk(@RequestParam(required = false) String reason,
      @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String intent,
      @RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, Authentication auth) {
    ChurnRequests.requireLead(auth);
    PageResult<AtRiskContact> found = churn.atRisk(ChurnRequests.filter(reason, team, agent, channel, intent),
        ChurnRequests.order(order), new PageRequest(page, size));
    return new PageResult<>(found.items().stream().map(ChurnApiController::view).toList(), found.page(),
        found.size(), found.total());
  }

  @PostMapping("/api/v1/contacts/{id}/activity")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Record a contact's purchase", description = "Counts in the contact's usual interval like an "
      + "inbound conversation; 404 for an unknown contact, 422 for another kind, a future time or a negative value.")
  void activity(@PathVariable UUID id, @RequestBody(required = false) ActivityBody body) {
    if (body == null || body.kind() == null || !"purchase".equals(body.kind().strip().toLowerCase(Locale.ROOT))) {
      throw ProblemException.invalid("unknown-activity", "Give kind \"purchase\" (the one activity Tact records), "
          + "and optionally at and valueCents.");
    }
    Instant now = clock.instant();
    Instant at = body.at() == null ? now : body.at();
    if (at.isAfter(now.plusSeconds(60))) {
      throw ProblemException.invalid("future-activity", "The activity's time " + at + " is in the future.");
    }
    long value = body.valueCents() == null ? 0 : body.valueCents();
    if (value < 0) {
      throw ProblemException.invalid("negative-value", "valueCents must be 0 or more, was " + value + ".");
    }
    contacts.require(id);
    ledger.purchase(id, at, value);
  }

  private static AtRiskView view(AtRiskContact c) {
    return new AtRiskView(c.contactId(), c.name(), c.lastActivityAt(), c.usualDays(), c.overdueSince(),
        c.episodes(), c.purchases(), c.valueCents(), c.lastChannel() == null ? null : c.lastChannel().id(),
        c.lastTeamId(), c.lastConversationId(), c.reason() == null ? null : c.reason().kind().id(), c.experiences().stream()
        .map(e -> new ExperienceView(e.kind().id(), e.label(), e.detail(), e.at(), e.conversationId())).toList());
  }
}
