package dev.tact.policy.web;

import dev.tact.policy.BusinessRelationships;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRecord;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactAttempt;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.PolicyRequests;
import dev.tact.policy.RecordedAttempt;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A contact's consent ledger and contact history. Any agent may record an opt-out (a "no" must
 * never wait for a manager); only leads and admins may record express or implied consent, since
 * consent is what lets marketing reach someone.
 */
@ApiController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Contacts")
class ContactPolicyApiController {

  record ConsentBody(String kind, String channel, String purpose, String subject, String source, String evidence,
      Instant expiresAt, Instant givenAt) {}

  /** A contact made outside Tact: channel, purpose, subject, when it happened, where it was made. */
  record AttemptBody(String channel, String purpose, String subject, Instant at, String source) {}

  record RelationshipBody(String kind, Instant at, String source, String evidence) {}

  private final ConsentLedger ledger;
  private final ContactHistory history;
  private final StaffPrincipals principals;
  private final BusinessRelationships relationships;

  ContactPolicyApiController(ConsentLedger ledger, ContactHistory history, StaffPrincipals principals,
      BusinessRelationships relationships) {
    this.ledger = ledger;
    this.history = history;
    this.principals = principals;
    this.relationships = relationships;
  }

  @Operation(summary = "The contact's consent ledger: consents and opt-outs, oldest first")
  @GetMapping("/consents")
  List<ConsentRecord> consents(@PathVariable UUID id) {
    return ledger.ledgerOf(id);
  }

  @Operation(summary = "Record express consent, implied consent (with expiresAt) or an opt-out",
      description = "Opt-outs: any role. Express or implied consent: lead or admin. givenAt: when the person gave it "
          + "(a form signed last year, an opt-out said on the phone yesterday); now when left out; not in the future "
          + "nor before 1990.")
  @PostMapping("/consents")
  @ResponseStatus(HttpStatus.CREATED)
  ConsentRecord record(@PathVariable UUID id, @RequestBody ConsentBody body, Authentication authentication) {
    if (body == null) {
      throw ProblemException.invalid("missing-kind", "kind is required: express, implied or opt_out.");
    }
    ConsentEntry.Kind kind = PolicyRequests.kind(body.kind());
    PolicyRequests.requireMayRecord(kind, authentication);
    ConsentRequest request = new ConsentRequest(kind, PolicyRequests.channel(body.channel(), false),
        PolicyRequests.purpose(body.purpose()), body.subject(), body.source(), body.evidence(), body.expiresAt(),
        body.givenAt());
    return ledger.record(id, request, principals.who(authentication));
  }

  @Operation(summary = "Add a contact made outside Tact, so that the caps count it",
      description = "channel, purpose (transactional or marketing), subject, at (when it happened: not in the "
          + "future, not before 1990) and source (where it was made: \"desk phone\", \"Mailchimp\").")
  @PostMapping("/contact-history")
  @ResponseStatus(HttpStatus.CREATED)
  RecordedAttempt addMadeElsewhere(@PathVariable UUID id, @RequestBody AttemptBody body,
      Authentication authentication) {
    if (body == null) {
      throw ProblemException.invalid("missing-channel", "channel is required.");
    }
    ContactAttempt attempt = new ContactAttempt(PolicyRequests.channel(body.channel(), true),
        PolicyRequests.purpose(body.purpose()), body.subject(), body.at());
    return history.addMadeElsewhere(id, attempt, body.source(), principals.who(authentication));
  }

  @Operation(summary = "The contact's business relationships (purchases and inquiries), newest first")
  @GetMapping("/relationships")
  List<BusinessRelationships.Recorded> relationships(@PathVariable UUID id) {
    return relationships.of(id);
  }

  @Operation(summary = "Record a purchase or an inquiry (lead or admin)",
      description = "kind (purchase or inquiry), at (when it happened), source, evidence. The do-not-call "
          + "registers' exemptions count from them: a purchase within 18 months or an inquiry within 3 (US) or 6 "
          + "(Canada) months.")
  @PostMapping("/relationships")
  @ResponseStatus(HttpStatus.CREATED)
  BusinessRelationships.Recorded relate(@PathVariable UUID id, @RequestBody RelationshipBody body,
      Authentication authentication) {
    if (!StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may record a business "
          + "relationship: it lets calls through do-not-call registers.");
    }
    if (body == null) {
      throw ProblemException.invalid("missing-kind", "kind is required: purchase or inquiry.");
    }
    return relationships.record(id, PolicyRequests.relationship(body.kind()), body.at(), body.source(),
        body.evidence(), principals.who(authentication));
  }

  @Operation(summary = "The contact-history ledger: every outbound contact made or scheduled, newest first")
  @GetMapping("/contact-history")
  List<RecordedAttempt> contactHistory(@PathVariable UUID id) {
    return history.of(id);
  }
}
