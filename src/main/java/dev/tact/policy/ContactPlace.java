package dev.tact.policy;

import dev.tact.policy.calendar.Words;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Where a contact is and what time it is for them, as the policy sees it: the regions and whence they came ("from
 * the area code +1 204: Manitoba"), and the zones their local time is read in (their own, else their phone
 * numbers' areas', else their regions') with whence those came. No zone: their time is unknown, and is said so.
 */
public record ContactPlace(Whereabouts whereabouts, List<ZoneId> zones, String zoneSource) {

  public ContactPlace {
    zones = List.copyOf(zones);
  }

  public boolean zoneKnown() {
    return !zones.isEmpty();
  }

  /** The zone their times are shown in (the first candidate), or null when none is known. */
  public ZoneId zone() {
    return zones.isEmpty() ? null : zones.getFirst();
  }

  /** "Winnipeg, Central time", or null when no zone is known. */
  public String zoneName() {
    return zones.isEmpty() ? null : Words.zone(zones.getFirst());
  }

  /** Every candidate zone by name, when there are several ("New York, Eastern time; Chicago, Central time"). */
  public String otherZones() {
    return zones.size() < 2 ? "" : String.join("; ", zones.subList(1, zones.size()).stream().map(Words::zone)
        .toList());
  }

  /** "Tuesday 11 October 2011 14:05" in their zone; null when no zone is known. */
  public String localTime(Instant now) {
    return zones.isEmpty() ? null : Words.dayTime(LocalDateTime.ofInstant(now, zones.getFirst()));
  }
}
