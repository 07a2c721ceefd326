package dev.tact.web.api;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactProfile;
import dev.tact.contact.ContactMerge;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.ProblemException;
import dev.tact.web.security.TactPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactsApiController {

  record ContactView(Contact contact, List<ConversationSummary> conversations, List<ContactMerge> merges) {}

  record MergeRequest(UUID mergeContactId) {}

  record MergeResult(ContactMerge merge, Contact contact) {}

  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final TactPrincipals principals;

  ContactsApiController(ContactManagement contacts, ConversationManagement conversations, TactPrincipals principals) {
    this.contacts = contacts;
    this.conversations = conversations;
    this.principals = principals;
  }

  @Operation(summary = "A contact, its conversations and the merges it absorbed",
      description = "A contact that was merged away answers as the contact it was merged into.")
  @GetMapping("/{id}")
  ContactView get(@PathVariable UUID id) {
    Contact contact = contacts.require(id);
    return new ContactView(contact, conversations.ofContact(contact.id()), contacts.mergesInto(contact.id()));
  }

  @Operation(summary = "Search by any identity or name", description = "Case-insensitive substring match")
  @GetMapping
  List<Contact> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "25") int limit) {
    if (limit < 1 || limit > 100) {
      throw ProblemException.invalid("invalid-limit", "limit must be between 1 and 100.");
    }
    return contacts.search(q, limit);
  }

  @Operation(summary = "Set where a contact lives and how to address them",
      description = "timeZone (IANA), country (ISO 3166-1 alpha-2), subdivision (ISO 3166-2 without the country, "
          + "e.g. mb), locale (BCP 47), organisation. The contact policy uses them for local time and holidays.")
  @PutMapping("/{id}/profile")
  Contact profile(@PathVariable UUID id, @RequestBody ContactProfile profile) {
    return contacts.updateProfile(id, profile);
  }

  @Operation(summary = "Merge another contact into this one",
      description = "Identities and conversations of mergeContactId move here; the merge is recorded.")
  @PostMapping("/{id}/merge")
  MergeResult merge(@PathVariable UUID id, @RequestBody MergeRequest request, Authentication authentication) {
    if (request.mergeContactId() == null) {
      throw ProblemException.invalid("missing-merge-contact", "mergeContactId is required.");
    }
    ContactMerge merge = contacts.merge(id, request.mergeContactId(), principals.who(authentication));
    return new MergeResult(merge, contacts.require(id));
  }
}
