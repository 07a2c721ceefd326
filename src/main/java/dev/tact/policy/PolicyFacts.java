package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the rules know of one contact when a decision is asked. Gathered by the Spring side; the
 * rules only read it.
 *
 * @param zone the contact's own time zone, or null
 * @param phoneZones the zones of the contact's phone numbers' areas (several when ambiguous), empty when none
 * @param whereabouts the regions the contact is in (from the profile, else from their phone numbers), and whence
 * @param lastInboundChannel the channel the person last used to reach us, or null
 * @param openConversation whether the contact has an open conversation
 * @param openComplaint whether one of those is a complaint
 * @param incident the incident affecting the contact (open, or resolved and its cool-down not over), or null
 * @param lastSupportActivity when the contact's last conversation closed or was last active (cool-down), or null
 * @param doNotCall the contact's numbers on do-not-call registers
 * @param relationships purchases and inquiries (business relationships) with their dates
 * @param emergencies the declared emergencies in the contact's regions, whenever they are
 */
public record PolicyFacts(UUID contactId, ZoneId zone, Set<ZoneId> phoneZones, Whereabouts whereabouts,
    Channel lastInboundChannel, List<ConsentEntry> consents, List<ContactAttempt> history,
    boolean openConversation, boolean openComplaint, IncidentExposure incident, Instant lastSupportActivity,
    List<DoNotCallListing> doNotCall, List<BusinessRelationship> relationships, List<Emergency> emergencies) {

  public PolicyFacts {
    phoneZones = phoneZones == null ? Set.of() : Set.copyOf(phoneZones);
    whereabouts = whereabouts == null ? Whereabouts.unknown() : whereabouts;
    consents = consents == null ? List.of() : List.copyOf(consents);
    history = history == null ? List.of() : List.copyOf(history);
    doNotCall = doNotCall == null ? List.of() : List.copyOf(doNotCall);
    relationships = relationships == null ? List.of() : List.copyOf(relationships);
    emergencies = emergencies == null ? List.of() : List.copyOf(emergencies);
  }

  /** Facts with the region the profile gives (country, subdivision, either may be null) and nothing on registers. */
  public PolicyFacts(UUID contactId, ZoneId zone, Set<ZoneId> phoneZones, String country, String subdivision,
      Channel lastInboundChannel, List<ConsentEntry> consents, List<ContactAttempt> history,
      boolean openConversation, boolean openComplaint, boolean affectedByOpenIncident, Instant lastSupportActivity) {
    this(contactId, zone, phoneZones, Whereabouts.profile(country, subdivision), lastInboundChannel, consents,
        history, openConversation, openComplaint, affectedByOpenIncident ? IncidentExposure.unnamedOpen() : null,
        lastSupportActivity, List.of(), List.of(),
        List.of());
  }

  /** Whether an incident that is still open affects the contact. */
  public boolean affectedByOpenIncident() {
    return incident != null && incident.open();
  }

  /** The regions the contact may be in; empty when unknown. */
  public List<Region> regions() {
    return whereabouts.regions();
  }
}
