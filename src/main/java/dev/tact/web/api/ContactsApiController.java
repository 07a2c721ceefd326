package dev.tact.web.api;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactImport;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.CustomerDetails;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityParser;
import dev.tact.policy.ContactPlace;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Region;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
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

  /**
   * Where the contact is as the contact policy sees it: regions (ISO 3166-2, "CA-MB"), whence ("from the area code
   * +1 204: Manitoba"), the time zone their time is read in and its everyday name; null zone when none is known.
   */
  record Where(List<String> regions, String names, String source, String timeZone, String timeZoneName,
      List<String> timeZones, String timeZoneSource) {

    static Where of(ContactPlace place) {
      return new Where(place.whereabouts().regions().stream().map(Region::code).toList(),
          place.whereabouts().known() ? place.whereabouts().names() : null, place.whereabouts().source(),
          place.zone() == null ? null : place.zone().getId(), place.zoneName(),
          place.zones().stream().map(java.time.ZoneId::getId).toList(), place.zoneSource());
    }
  }

  record ContactView(Contact contact, Where where, List<ConversationSummary> conversations,
      List<ContactMerge> merges) {}

  /** A new contact: a name, an email address and/or a phone number, since when a customer, their plan or value. */
  record NewContact(String name, String email, String phone, String customerSince, String plan) {}

  record Customer(String customerSince, String plan) {}

  record MergeRequest(UUID mergeContactId) {}

  record MergeResult(ContactMerge merge, Contact contact) {}

  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final TactPrincipals principals;
  private final ContactPolicyService policy;
  private final IdentityParser identities;
  private final ContactImport imports;

  ContactsApiController(ContactManagement contacts, ConversationManagement conversations, TactPrincipals principals,
      ContactPolicyService policy, IdentityParser identities, ContactImport imports) {
    this.contacts = contacts;
    this.conversations = conversations;
    this.principals = principals;
    this.policy = policy;
    this.identities = identities;
    this.imports = imports;
  }

  @Operation(summary = "Create a contact",
      description = "name, email and/or phone (one at least), customerSince (a date such as 2019-03-01: since when "
          + "they are a customer), plan (their plan or value). An email or phone that is already a contact's is a 409.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ContactView create(@RequestBody NewContact body) {
    if (body == null) {
      throw ProblemException.invalid("missing-identity", "Give at least an email address or a phone number.");
    }
    List<Identity> given = new java.util.ArrayList<>();
    if (body.email() != null && !body.email().isBlank()) {
      given.add(identities.email(body.email()));
    }
    if (body.phone() != null && !body.phone().isBlank()) {
      given.add(identities.phone(body.phone()));
    }
    Contact created = contacts.create(new ContactNames(body.name(), null, null), given,
        new CustomerDetails(CustomerDetails.date(body.customerSince()), body.plan()));
    return view(created);
  }

  @Operation(summary = "Import contacts from CSV (lead or admin)",
      description = "Send the file as text/csv: a header row (name, email, phone, customer since, plan) and a row "
          + "per contact. A row whose email or phone is already a contact's updates it. All or nothing: a bad row "
          + "imports nothing and is named in the 422.")
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
  ContactImport.Result importCsv(HttpServletRequest request, Authentication authentication) throws IOException {
    if (!TactPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may import contacts.");
    }
    try (Reader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
      return imports.importCsv(reader);
    }
  }

  @Operation(summary = "Set since when a contact is a customer, and their plan or value",
      description = "customerSince: a date (2019-03-01), blank for since Tact first heard from them; plan: any text "
          + "up to 200 characters (\"Business, 4,800 USD a year\"), blank for none. Shown beside every conversation.")
  @PutMapping("/{id}/customer")
  ContactView customer(@PathVariable UUID id, @RequestBody Customer body) {
    Customer given = body == null ? new Customer(null, null) : body;
    return view(contacts.updateCustomer(id, new CustomerDetails(CustomerDetails.date(given.customerSince()),
        given.plan())));
  }

  private ContactView view(Contact contact) {
    return new ContactView(contact, Where.of(policy.placeOf(contact.id())), conversations.ofContact(contact.id()),
        contacts.mergesInto(contact.id()));
  }

  @Operation(summary = "A contact, where they are, its conversations and the merges it absorbed",
      description = "A contact that was merged away answers as the contact it was merged into. where: the regions "
          + "and time zone the contact policy uses (from the profile, else from the phone numbers), and whence.")
  @GetMapping("/{id}")
  ContactView get(@PathVariable UUID id) {
    return view(contacts.require(id));
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
      description = "Identities and conversations of mergeContactId move here; the merge is recorded, naming the "
          + "merged contact as it was (mergedName, mergedIdentities as written).")
  @PostMapping("/{id}/merge")
  MergeResult merge(@PathVariable UUID id, @RequestBody MergeRequest request, Authentication authentication) {
    if (request.mergeContactId() == null) {
      throw ProblemException.invalid("missing-merge-contact", "mergeContactId is required.");
    }
    ContactMerge merge = contacts.merge(id, request.mergeContactId(), principals.who(authentication));
    return new MergeResult(merge, contacts.require(id));
  }
}
