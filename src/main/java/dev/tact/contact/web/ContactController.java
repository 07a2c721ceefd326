package dev.tact.contact.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactMerge;
import dev.tact.contact.ContactPageContributor;
import dev.tact.shared.ProblemException;
import dev.tact.shared.Wording;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contacts: search, one contact with identities, conversations and merges, and merging. What other modules keep of
 * a contact (conversations, consent, contact history, whereabouts) they add as {@link ContactPageContributor}s.
 */
@UiController
class ContactController {

  private static final int SEARCH_LIMIT = 25;

  private final ContactManagement contacts;
  private final StaffPrincipals principals;
  private final List<ContactPageContributor> contributors;
  private final Clock clock;

  ContactController(ContactManagement contacts, StaffPrincipals principals, List<ContactPageContributor> contributors,
      Clock clock) {
    this.contacts = contacts;
    this.principals = principals;
    this.contributors = contributors;
    this.clock = clock;
  }

  @GetMapping("/contacts")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("found", contacts.search(q, SEARCH_LIMIT));
    return "contact/contacts";
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
    model.addAttribute("merges", contacts.mergesInto(id));
    model.addAttribute("tenure", Tenure.of(contact.customerSince(), clock.instant()));
    model.addAttribute("customerSinceDate", contact.customerSince() == null ? ""
        : java.time.LocalDate.ofInstant(contact.customerSince(), java.time.ZoneOffset.UTC).toString());
    model.addAttribute("q", q);
    List<Contact> candidates = q.isBlank() ? List.of()
        : contacts.search(q, SEARCH_LIMIT).stream().filter(other -> !other.id().equals(id)).toList();
    model.addAttribute("candidates", candidates);
    Contact mergeCandidate = null;
    if (merge != null) {
      try {
        mergeCandidate = mergeCandidate(contact, merge);
        model.addAttribute("mergeCandidate", mergeCandidate);
      } catch (ProblemException e) {
        model.addAttribute("problem", e.getMessage());
      }
    }
    Contact merging = mergeCandidate;
    contributors.forEach(contributor -> contributor.contribute(contact, merging, model.asMap()));
    return "contact/contact";
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
