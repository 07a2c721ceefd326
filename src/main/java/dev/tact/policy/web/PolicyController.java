package dev.tact.policy.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactProfile;
import dev.tact.contact.CustomerDetails;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.BusinessRelationships;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactAttempt;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPermit;
import dev.tact.policy.ContactPlace;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.OptOutReview;
import dev.tact.policy.OptOutReviews;
import dev.tact.policy.PolicyRequests;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.security.core.Authentication;
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
@UiController
class PolicyController {

  private final ContactManagement contacts;
  private final ContactPolicyService policy;
  private final ConsentLedger ledger;
  private final ContactHistory history;
  private final OptOutReviews reviews;
  private final StaffPrincipals principals;
  private final BusinessRelationships relationships;

  PolicyController(ContactManagement contacts, ContactPolicyService policy, ConsentLedger ledger,
      ContactHistory history, OptOutReviews reviews, StaffPrincipals principals, BusinessRelationships relationships) {
    this.contacts = contacts;
    this.policy = policy;
    this.ledger = ledger;
    this.history = history;
    this.reviews = reviews;
    this.principals = principals;
    this.relationships = relationships;
  }

  @PostMapping("/contacts/{id}/profile")
  String profile(@PathVariable UUID id, @RequestParam(defaultValue = "") String organisation,
      @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String subdivision,
      @RequestParam(defaultValue = "") String tier, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Profile saved.",
        () -> contacts.updateProfile(id, new ContactProfile(organisation, locale, timeZone, country, subdivision, tier)));
  }

  @PostMapping("/contacts/{id}/customer")
  String customer(@PathVariable UUID id, @RequestParam(defaultValue = "") String customerSince,
      @RequestParam(defaultValue = "") String plan, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Customer details saved.",
        () -> contacts.updateCustomer(id, new CustomerDetails(CustomerDetails.date(customerSince), plan)));
  }

  /** Consent or an opt-out, with when the person gave it (their time; now when left out). */
  @PostMapping("/contacts/{id}/consents")
  String consent(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String purpose,
      @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "") String evidence, @RequestParam(defaultValue = "") String expires,
      @RequestParam(defaultValue = "") String given, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Recorded in the consent ledger.", () -> {
      ConsentEntry.Kind parsed = PolicyRequests.kind(kind);
      PolicyRequests.requireMayRecord(parsed, auth);
      Instant expiresAt = expires.isBlank() ? null : date(expires).atStartOfDay(ZoneOffset.UTC).toInstant();
      ledger.record(id, new ConsentRequest(parsed, PolicyRequests.channel(channel, false),
          PolicyRequests.purpose(purpose), subject, source.isBlank() ? "agent" : source, evidence, expiresAt,
          theirTime(id, given)), principals.who(auth));
    });
  }

  /** A contact made outside Tact (a desk phone, another tool), so that the caps count it. */
  @PostMapping("/contacts/{id}/contact-history")
  String madeElsewhere(@PathVariable UUID id, @RequestParam(defaultValue = "") String channel,
      @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String when, @RequestParam(defaultValue = "") String source,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Contact made elsewhere added to the contact history.", () -> {
      if (when.isBlank()) {
        throw ProblemException.invalid("missing-at", "Say when the contact was made.");
      }
      history.addMadeElsewhere(id, new ContactAttempt(PolicyRequests.channel(channel, true),
          PolicyRequests.purpose(purpose), subject, theirTime(id, when)), source, principals.who(auth));
    });
  }

  /** A purchase or an inquiry (leads and admins: it lets calls through do-not-call registers). */
  @PostMapping("/contacts/{id}/relationships")
  String relationship(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String when, @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "") String evidence, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Business relationship recorded.", () -> {
      if (!StaffPrincipals.isLead(auth)) {
        throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may record a purchase or "
            + "an inquiry.");
      }
      if (when.isBlank()) {
        throw ProblemException.invalid("missing-at", "Say when the purchase or inquiry happened.");
      }
      relationships.record(id, PolicyRequests.relationship(kind), theirTime(id, when), source,
          evidence.isBlank() ? null : evidence, principals.who(auth));
    });
  }

  /** A date ("2010-05-01", their midnight) or date and time ("2010-05-01T14:30") in the contact's zone; null if blank. */
  private Instant theirTime(UUID contactId, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    ZoneId zone = zoneOf(policy.placeOf(contactId));
    String v = value.strip();
    return v.length() <= 10 ? date(v).atStartOfDay(zone).toInstant() : localTime(v).atZone(zone).toInstant();
  }

  /** Asks the policy about a contact an agent is about to make, and shows the answer with its reasons. */
  @PostMapping("/contacts/{id}/plan")
  String plan(@PathVariable UUID id, @RequestParam(defaultValue = "") String channel,
      @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String when, Authentication auth, RedirectAttributes redirect) {
    try {
      Contact contact = contacts.require(id);
      Instant at = when.isBlank() ? null : localTime(when).atZone(zoneOf(policy.placeOf(contact.id()))).toInstant();
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
    ContactPlace place = policy.placeOf(contact.id());
    model.addAttribute("contact", contact);
    model.addAttribute("place", place);
    model.addAttribute("zone", zoneOf(place));
    model.addAttribute("zoneName", place.zoneKnown() ? place.zoneName() : "UTC: their time zone is unknown");
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

  /** The zone times typed as "their time" are read in: the policy's first candidate, else UTC (and the page says so). */
  static ZoneId zoneOf(ContactPlace place) {
    return place.zoneKnown() ? place.zone() : ZoneOffset.UTC;
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
