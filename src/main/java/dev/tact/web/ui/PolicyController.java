package dev.tact.web.ui;

import dev.tact.shared.web.Flash;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactProfile;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactPermit;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.OptOutReview;
import dev.tact.policy.OptOutReviews;
import dev.tact.shared.ProblemException;
import dev.tact.web.PolicyRequests;
import dev.tact.web.security.TactPrincipals;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact policy in the agent UI: a contact's profile (zone, country, subdivision), consent
 * ledger and contact history; planning a contact, which shows the decision and every rule's
 * reason ("why not?") before anything is logged; and the opt-outs waiting for an agent.
 */
@Controller
class PolicyController {

  private final ContactManagement contacts;
  private final ContactPolicyService policy;
  private final ConsentLedger ledger;
  private final ContactHistory history;
  private final OptOutReviews reviews;
  private final TactPrincipals principals;

  PolicyController(ContactManagement contacts, ContactPolicyService policy, ConsentLedger ledger,
      ContactHistory history, OptOutReviews reviews, TactPrincipals principals) {
    this.contacts = contacts;
    this.policy = policy;
    this.ledger = ledger;
    this.history = history;
    this.reviews = reviews;
    this.principals = principals;
  }

  @PostMapping("/contacts/{id}/profile")
  String profile(@PathVariable UUID id, @RequestParam(defaultValue = "") String organisation,
      @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String subdivision,
      @RequestParam(defaultValue = "") String tier, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Profile saved.",
        () -> contacts.updateProfile(id, new ContactProfile(organisation, locale, timeZone, country, subdivision, tier)));
  }

  @PostMapping("/contacts/{id}/consents")
  String consent(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String purpose,
      @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "") String evidence, @RequestParam(defaultValue = "") String expires,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Recorded in the consent ledger.", () -> {
      ConsentEntry.Kind parsed = PolicyRequests.kind(kind);
      PolicyRequests.requireMayRecord(parsed, auth);
      Instant expiresAt = expires.isBlank() ? null : date(expires).atStartOfDay(ZoneOffset.UTC).toInstant();
      ledger.record(id, new ConsentRequest(parsed, PolicyRequests.channel(channel, false),
          PolicyRequests.purpose(purpose), subject, source.isBlank() ? "agent" : source, evidence, expiresAt),
          principals.who(auth));
    });
  }

  /** Asks the policy about a contact an agent is about to make, and shows the answer with its reasons. */
  @PostMapping("/contacts/{id}/plan")
  String plan(@PathVariable UUID id, @RequestParam(defaultValue = "") String channel,
      @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String when, Authentication auth, RedirectAttributes redirect) {
    try {
      Contact contact = contacts.require(id);
      Instant at = when.isBlank() ? null : localTime(when).atZone(zoneOf(contact)).toInstant();
      AuditedDecision decided = policy.decide(new DecisionRequest(contact.id(), PolicyRequests.channel(channel, true),
          PolicyRequests.purpose(purpose), subject.isBlank() ? null : subject.strip(), at), principals.who(auth));
      return "redirect:/policy/decisions/" + decided.id();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/contacts/" + id;
    }
  }

  /** The "why not?" view of one audited decision. */
  @GetMapping("/policy/decisions/{id}")
  String decision(@PathVariable UUID id, Model model) {
    AuditedDecision decided = policy.find(id).orElseThrow(() -> ProblemException.notFound("decision", id));
    Contact contact = contacts.require(decided.request().contactId());
    model.addAttribute("d", decided);
    model.addAttribute("contact", contact);
    model.addAttribute("zone", zoneOf(contact));
    model.addAttribute("loggable", decided.decision().outcome() != Decision.Outcome.DENY);
    return "policy/decision";
  }

  /** Records the contact in the contact-history ledger, citing the decision that permitted it. */
  @PostMapping("/policy/decisions/{id}/log")
  String log(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/policy/decisions/" + id, "Contact logged in the contact history.", () -> {
      ContactPermit permit = policy.permit(id).orElseThrow(() -> ProblemException.conflict("contact-denied",
          "The policy did not allow this contact; it cannot be logged."));
      history.record(permit, principals.who(auth));
    });
  }

  @GetMapping("/policy/optout-reviews")
  String reviews(Model model) {
    model.addAttribute("reviews", reviews.list(OptOutReview.Status.OPEN, 100));
    return "policy/optout-reviews";
  }

  @PostMapping("/policy/optout-reviews/{id}/confirm")
  String confirm(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/policy/optout-reviews", "Opt-out recorded.",
        () -> reviews.confirm(id, principals.who(auth)));
  }

  @PostMapping("/policy/optout-reviews/{id}/dismiss")
  String dismiss(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/policy/optout-reviews", "Dismissed: no opt-out recorded.",
        () -> reviews.dismiss(id, principals.who(auth)));
  }

  static ZoneId zoneOf(Contact contact) {
    try {
      return contact.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(contact.timeZone());
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static LocalDateTime localTime(String value) {
    try {
      return LocalDateTime.parse(value.strip());
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-time", "'" + value + "' is not a date and time.");
    }
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-date", "'" + value + "' is not a date.");
    }
  }
}
