package dev.tact.web.ui;

import dev.tact.shared.web.Flash;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactMerge;
import dev.tact.shared.Wording;
import dev.tact.conversation.ConversationManagement;
import dev.tact.policy.BusinessRelationships;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ContactPlace;
import dev.tact.policy.ContactPolicyService;
import java.time.Clock;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.OutboundChannel;
import dev.tact.policy.Purpose;
import dev.tact.shared.ProblemException;
import dev.tact.web.security.TactPrincipals;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contacts: search, one contact with identities, conversations and merges, and merging. */
@Controller
class ContactController {

  private static final int SEARCH_LIMIT = 25;

  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final TactPrincipals principals;
  private final ConsentLedger ledger;
  private final ContactHistory history;
  private final ContactPolicyService policy;
  private final BusinessRelationships relationships;
  private final Clock clock;

  ContactController(ContactManagement contacts, ConversationManagement conversations, TactPrincipals principals,
      ConsentLedger ledger, ContactHistory history, ContactPolicyService policy, BusinessRelationships relationships,
      Clock clock) {
    this.contacts = contacts;
    this.conversations = conversations;
    this.principals = principals;
    this.ledger = ledger;
    this.history = history;
    this.policy = policy;
    this.relationships = relationships;
    this.clock = clock;
  }

  @GetMapping("/contacts")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("found", contacts.search(q, SEARCH_LIMIT));
    return "contacts";
  }

  /**
   * One contact. {@code q} searches for contacts to merge in; {@code merge} (a contact's id, as picked or typed)
   * asks to confirm merging that contact into this one, naming it: the merge itself is the confirmation's POST.
   */
  @GetMapping("/contacts/{id}")
  String show(@PathVariable UUID id, @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String merge, Model model) {
    Contact contact = contacts.require(id);
    if (!contact.id().equals(id)) {
      return "redirect:/contacts/" + contact.id(); // merged away: show the survivor
    }
    model.addAttribute("contact", contact);
    model.addAttribute("conversations", conversations.ofContact(id));
    model.addAttribute("merges", contacts.mergesInto(id));
    model.addAttribute("consents", ledger.ledgerOf(id));
    model.addAttribute("attempts", history.of(id));
    ContactPlace place = policy.placeOf(id);
    model.addAttribute("place", place);
    model.addAttribute("theirTime", place.localTime(clock.instant()));
    model.addAttribute("relationships", relationships.of(id));
    model.addAttribute("tenure", Tenure.of(contact.customerSince(), clock.instant()));
    model.addAttribute("customerSinceDate", contact.customerSince() == null ? ""
        : java.time.LocalDate.ofInstant(contact.customerSince(), java.time.ZoneOffset.UTC).toString());
    model.addAttribute("channels", OutboundChannel.values());
    model.addAttribute("purposes", Purpose.values());
    model.addAttribute("q", q);
    List<Contact> candidates = q.isBlank() ? List.of()
        : contacts.search(q, SEARCH_LIMIT).stream().filter(other -> !other.id().equals(id)).toList();
    model.addAttribute("candidates", candidates);
    if (merge != null) {
      try {
        Contact other = mergeCandidate(contact, merge);
        model.addAttribute("mergeCandidate", other);
        model.addAttribute("mergeConversations", conversations.ofContact(other.id()).size());
      } catch (ProblemException e) {
        model.addAttribute("problem", e.getMessage());
      }
    }
    return "contact";
  }

  /** The contact to merge into {@code survivor}, as given; a readable 4xx when it cannot be merged into it. */
  private Contact mergeCandidate(Contact survivor, String given) {
    UUID otherId = contactId(given);
    Contact other = contacts.require(otherId);
    if (other.id().equals(survivor.id())) {
      throw ProblemException.invalid("merge-with-itself", otherId.equals(survivor.id())
          ? "A contact cannot be merged with itself." : "That contact was already merged into this one.");
    }
    return other;
  }

  private static UUID contactId(String given) {
    try {
      return UUID.fromString(given.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-contact-id", "'" + given + "' is not a contact ID.");
    }
  }

  /** Reached from the confirmation shown by {@code GET /contacts/{id}?merge=<other>}. */
  @PostMapping("/contacts/{id}/merge")
  String merge(@PathVariable UUID id, @RequestParam(defaultValue = "") String mergeContactId, Authentication auth,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, null, () -> {
      UUID merged = contactId(mergeContactId);
      String name = contacts.require(merged).name();
      ContactMerge done = contacts.merge(id, merged, principals.who(auth));
      redirect.addFlashAttribute("notice", "Merged " + name + " into this contact: "
          + Wording.count(done.identities(), "identity", "identities") + " moved.");
    });
  }
}
