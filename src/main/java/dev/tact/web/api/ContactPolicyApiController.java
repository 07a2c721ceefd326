package dev.tact.web.api;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRecord;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.RecordedAttempt;
import dev.tact.shared.ProblemException;
import dev.tact.web.PolicyRequests;
import dev.tact.web.security.TactPrincipals;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * A contact's consent ledger and contact history. Any agent may record an opt-out (a "no" must
 * never wait for a manager); only leads and admins may record express or implied consent, since
 * consent is what lets marketing reach someone.
 */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Contacts")
class ContactPolicyApiController {

  record ConsentBody(String kind, String channel, String purpose, String subject, String source, String evidence,
      Instant expiresAt) {}

  private final ConsentLedger ledger;
  private final ContactHistory history;
  private final TactPrincipals principals;

  ContactPolicyApiController(ConsentLedger ledger, ContactHistory history, TactPrincipals principals) {
    this.ledger = ledger;
    this.history = history;
    this.principals = principals;
  }

  @Operation(summary = "The contact's consent ledger: consents and opt-outs, oldest first")
  @GetMapping("/consents")
  List<ConsentRecord> consents(@PathVariable UUID id) {
    return ledger.ledgerOf(id);
  }

  @Operation(summary = "Record express consent, implied consent (with expiresAt) or an opt-out",
      description = "Opt-outs: any role. Express or implied consent: lead or admin.")
  @PostMapping("/consents")
  @ResponseStatus(HttpStatus.CREATED)
  ConsentRecord record(@PathVariable UUID id, @RequestBody ConsentBody body, Authentication authentication) {
    if (body == null) {
      throw ProblemException.invalid("missing-kind", "kind is required: express, implied or opt_out.");
    }
    ConsentEntry.Kind kind = PolicyRequests.kind(body.kind());
    PolicyRequests.requireMayRecord(kind, authentication);
    ConsentRequest request = new ConsentRequest(kind, PolicyRequests.channel(body.channel(), false),
        PolicyRequests.purpose(body.purpose()), body.subject(), body.source(), body.evidence(), body.expiresAt());
    return ledger.record(id, request, principals.who(authentication));
  }

  @Operation(summary = "The contact-history ledger: every outbound contact made or scheduled, newest first")
  @GetMapping("/contact-history")
  List<RecordedAttempt> contactHistory(@PathVariable UUID id) {
    return history.of(id);
  }
}
