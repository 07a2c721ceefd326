package dev.tact.policy;

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
 * @param country ISO 3166-1 alpha-2 of the contact, or null
 * @param subdivision ISO 3166-2 subdivision code without the country (e.g. "mb", "fl"), or null
 * @param lastInboundChannel the channel the person last used to reach us, or null
 * @param openConversation whether the contact has an open conversation
 * @param openComplaint whether one of those is a complaint
 * @param affectedByOpenIncident whether an open incident affects the contact
 * @param lastSupportActivity when the contact's last conversation closed or was last active (cool-down), or null
 */
public record PolicyFacts(UUID contactId, ZoneId zone, Set<ZoneId> phoneZones, String country, String subdivision,
    OutboundChannel lastInboundChannel, List<ConsentEntry> consents, List<ContactAttempt> history,
    boolean openConversation, boolean openComplaint, boolean affectedByOpenIncident, Instant lastSupportActivity) {

  public PolicyFacts {
    phoneZones = phoneZones == null ? Set.of() : Set.copyOf(phoneZones);
    consents = consents == null ? List.of() : List.copyOf(consents);
    history = history == null ? List.of() : List.copyOf(history);
  }
}
