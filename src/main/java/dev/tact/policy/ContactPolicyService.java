package dev.tact.policy;

import dev.tact.contact.ContactManagement;
import dev.tact.policy.ledger.DecisionAudit;
import dev.tact.policy.ledger.PolicyFactsLoader;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door every outbound contact asks first: loads the facts about the contact, lets the
 * {@link ContactPolicy} decide, and audits every decision. The audit id is the decision's token.
 */
@Service
public class ContactPolicyService {

  private final PolicySettingsService settings;
  private final PolicyFactsLoader facts;
  private final DecisionAudit audit;
  private final Clock clock;
  private final ContactManagement contacts;

  ContactPolicyService(PolicySettingsService settings, PolicyFactsLoader facts, DecisionAudit audit, Clock clock,
      ContactManagement contacts) {
    this.settings = settings;
    this.facts = facts;
    this.audit = audit;
    this.clock = clock;
    this.contacts = contacts;
  }

  /**
   * Where the contact is and their time zones, as the rules see them (their profile, else their phone numbers):
   * for the contact page's "their time" and for reading a time an agent types as theirs. Unknown contact: 404.
   */
  public ContactPlace placeOf(UUID contactId) {
    return facts.placeOf(contacts.require(contactId));
  }

  /**
   * Decides one contact; {@code proposedAt} null means now. Unknown contact: 404, an incomplete
   * request: 422; no audit row then.
   */
  @Transactional
  public AuditedDecision decide(DecisionRequest request, String askedBy) {
    return decideAll(List.of(request), askedBy).getFirst();
  }

  /**
   * Decides a campaign: facts for all contacts in a few queries, one audit row per request, in
   * the order given. Any unknown contact or incomplete request rejects the whole batch, unaudited.
   */
  @Transactional
  public List<AuditedDecision> decideAll(List<DecisionRequest> requests, String askedBy) {
    Instant now = clock.instant();
    List<DecisionRequest> complete = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      complete.add(complete(requests.get(i), i, now));
    }
    Map<UUID, PolicyFacts> known = facts.loadAll(complete.stream().map(DecisionRequest::contactId).toList());
    List<UUID> unknown = complete.stream().map(DecisionRequest::contactId).filter(id -> !known.containsKey(id))
        .distinct().toList();
    if (!unknown.isEmpty()) {
      throw new ProblemException(404, "contact-not-found", "Contact not found", "No contact with id "
          + unknown.stream().limit(10).map(UUID::toString).collect(Collectors.joining(", "))
          + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "") + "; nothing was decided.");
    }
    List<AuditedDecision> decided = new ArrayList<>(complete.size());
    ContactPolicy policy = settings.policy();
    for (DecisionRequest request : complete) {
      Decision decision = policy.decide(request, known.get(request.contactId()));
      decided.add(new AuditedDecision(Ids.newId(), request, decision, askedBy, now));
    }
    audit.write(decided);
    AuditedInThisTransaction.remember(decided);
    return decided;
  }

  /**
   * The permit for an audited decision that allowed or deferred its contact; empty for a denial
   * or an unknown decision. Whatever records or sends an outbound contact needs one.
   */
  public Optional<ContactPermit> permit(UUID decisionId) {
    return find(decisionId).filter(d -> d.decision().outcome() != Decision.Outcome.DENY)
        .map(ContactPolicyService::permitOf);
  }

  /**
   * The permits for many audited decisions at once (a campaign's, a batch of notices), by decision id: as
   * {@link #permit} answers each. Decisions this service audited in the current transaction are answered from memory
   * (they commit or roll back with it); others are read back from the audit in a query per 1,000. A denial or an
   * unknown decision has none.
   */
  public Map<UUID, ContactPermit> permits(Collection<UUID> decisionIds) {
    Map<UUID, ContactPermit> permits = new HashMap<>();
    List<UUID> unseen = new ArrayList<>();
    for (UUID id : decisionIds) {
      AuditedDecision d = AuditedInThisTransaction.find(id);
      if (d == null) {
        unseen.add(id);
      } else if (d.decision().outcome() != Decision.Outcome.DENY) {
        permits.put(id, permitOf(d));
      }
    }
    if (!unseen.isEmpty()) {
      audit.findAll(unseen).forEach((id, d) -> {
        if (d.decision().outcome() != Decision.Outcome.DENY) {
          permits.put(id, permitOf(d));
        }
      });
    }
    return permits;
  }

  private static ContactPermit permitOf(AuditedDecision d) {
    return new ContactPermit(d.id(), d.request(), d.decision().outcome() == Decision.Outcome.DEFER
        ? d.decision().notBefore() : d.request().proposedAt() != null ? d.request().proposedAt() : d.decidedAt());
  }

  /** An audited decision by its id: the "why not?" view. */
  public Optional<AuditedDecision> find(UUID decisionId) {
    return audit.find(decisionId);
  }

  private static DecisionRequest complete(DecisionRequest r, int index, Instant now) {
    String where = index == 0 ? "" : " (request " + index + ")";
    if (r == null || r.contactId() == null) {
      throw ProblemException.invalid("missing-contact", "contactId is required" + where + ".");
    }
    if (r.channel() == null) {
      throw ProblemException.invalid("missing-channel", "channel is required" + where + ".");
    }
    if (r.purpose() == null) {
      throw ProblemException.invalid("missing-purpose", "purpose is required" + where + ".");
    }
    if (r.subject() != null && r.subject().length() > ConsentLedger.MAX_TEXT) {
      throw ProblemException.invalid("invalid-subject",
          "subject has at most " + ConsentLedger.MAX_TEXT + " characters" + where + ".");
    }
    String subject = r.subject() == null || r.subject().isBlank() ? null : r.subject().strip();
    return new DecisionRequest(r.contactId(), r.channel(), r.purpose(), subject,
        r.proposedAt() == null ? now : r.proposedAt());
  }
}
