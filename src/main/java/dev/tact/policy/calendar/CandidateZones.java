package dev.tact.policy.calendar;

import dev.tact.policy.Region;
import dev.tact.policy.Whereabouts;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The zones the recipient may be in, and where they came from ({@code source}: "from their profile", "from their
 * phone numbers' areas", "from where they are (Manitoba)"): the contact's own zone, else every zone of their phone
 * numbers' areas, else the zones of every region they may be in. Empty when none is known.
 */
public record CandidateZones(List<ZoneId> zones, String source) {

  public CandidateZones {
    zones = List.copyOf(zones);
  }

  public static CandidateZones of(ZoneId zone, Set<ZoneId> phoneZones, Whereabouts whereabouts) {
    if (zone != null) {
      return new CandidateZones(List.of(zone), "from their profile");
    }
    List<ZoneId> phone = phoneZones.stream()
        .filter(z -> !z.getId().startsWith("Etc/Unknown"))
        .sorted(Comparator.comparing(ZoneId::getId))
        .toList();
    if (!phone.isEmpty()) {
      return new CandidateZones(phone, "from their phone numbers' areas");
    }
    Set<ZoneId> regional = new LinkedHashSet<>();
    for (Region region : whereabouts.regions()) {
      regional.addAll(Regions.zonesOf(region.country(), region.subdivision()));
    }
    if (!regional.isEmpty()) {
      List<ZoneId> zones = List.copyOf(regional);
      return new CandidateZones(zones, "from where they are (" + whereabouts.names() + ")");
    }
    return new CandidateZones(List.of(), "no zone known");
  }

  /** "Winnipeg, Central time", "New York, Eastern time; Chicago, Central time", "7 zones, … to …". */
  public String names() {
    return names(zones);
  }

  /** With the region the profile gives (either may be null). */
  public static CandidateZones of(ZoneId zone, Set<ZoneId> phoneZones, String country, String subdivision) {
    return of(zone, phoneZones, Whereabouts.profile(country, subdivision));
  }

  public boolean known() {
    return !zones.isEmpty();
  }

  /** The zone times are shown in: the first candidate; null when none is known. */
  public ZoneId first() {
    return zones.isEmpty() ? null : zones.getFirst();
  }

  private static String names(List<ZoneId> zones) {
    return zones.size() > 4 ? zones.size() + " zones, " + Words.zone(zones.getFirst()) + " to "
        + Words.zone(zones.getLast()) : String.join("; ", zones.stream().map(Words::zone).toList());
  }
}
