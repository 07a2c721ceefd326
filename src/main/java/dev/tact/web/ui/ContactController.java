package dev.tact.web.ui;

import dev.tact.shared.web.Flash;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
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

  @GetMapping("/contacts/{id}")
  String show(@PathVariable UUID id, @RequestParam(defaultValue = "") String q, Model model) {
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
    return "contact";
  }

  @PostMapping("/contacts/{id}/merge")
  String merge(@PathVariable UUID id, @RequestParam(defaultValue = "") String mergeContactId, Authentication auth,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts/" + id, "Contacts merged.", () -> {
      UUID merged;
      try {
        merged = UUID.fromString(mergeContactId.strip());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("invalid-contact-id", "'" + mergeContactId + "' is not a contact ID.");
      }
      contacts.merge(id, merged, principals.who(auth));
    });
  }
}
