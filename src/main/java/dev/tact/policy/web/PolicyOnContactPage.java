package dev.tact.policy.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactPageContributor;
import dev.tact.policy.BusinessRelationships;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPlace;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The contact policy's parts of a contact's page: the consent ledger, contact history, business relationships,
 * where the contact is and their time now, and the words the forms offer (channels, purposes).
 */
@Component
class PolicyOnContactPage implements ContactPageContributor {

  private final ConsentLedger ledger;
  private final ContactHistory history;
  private final ContactPolicyService policy;
  private final BusinessRelationships relationships;
  private final Clock clock;

  PolicyOnContactPage(ConsentLedger ledger, ContactHistory history, ContactPolicyService policy,
      BusinessRelationships relationships, Clock clock) {
    this.ledger = ledger;
    this.history = history;
    this.policy = policy;
    this.relationships = relationships;
    this.clock = clock;
  }

  @Override
  public void contribute(Contact contact, Contact mergeCandidate, Map<String, Object> model) {
    model.put("consents", ledger.ledgerOf(contact.id()));
    model.put("attempts", history.of(contact.id()));
    ContactPlace place = policy.placeOf(contact.id());
    model.put("place", place);
    model.put("theirTime", place.localTime(clock.instant()));
    model.put("relationships", relationships.of(contact.id()));
    model.put("channels", PolicyChannels.options());
    model.put("purposes", Purpose.values());
  }
}
