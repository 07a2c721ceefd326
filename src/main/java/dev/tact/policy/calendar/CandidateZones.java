package dev.tact.policy.calendar;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The zones the recipient may be in, and where they came from: the contact's own zone, else every zone of their
 * phone numbers' areas, else the zones of their subdivision or country. Empty when none is known.
 */
public record CandidateZones(List<ZoneId> zones, String source) {

  public CandidateZones {
    zones = List.copyOf(zones);
  }

  public static CandidateZones of(ZoneId zone, Set<ZoneId> phoneZones, String country, String subdivision) {
    if (zone != null) {
      return new CandidateZones(List.of(zone), "the contact's zone " + zone);
    }
    List<ZoneId> phone = phoneZones.stream()
        .filter(z -> !z.getId().startsWith("Etc/Unknown"))
        .sorted(Comparator.comparing(ZoneId::getId))
        .toList();
    if (!phone.isEmpty()) {
      return new CandidateZones(phone, "the phone number's zones " + ids(phone));
    }
    List<ZoneId> regional = Regions.zonesOf(country, subdivision);
    if (!regional.isEmpty()) {
      return new CandidateZones(regional, "the zones of " + Regions.nameOf(country, subdivision) + " " + ids(regional));
    }
    return new CandidateZones(List.of(), "no zone known");
  }

  public boolean known() {
    return !zones.isEmpty();
  }

  private static String ids(List<ZoneId> zones) {
    return zones.stream().map(ZoneId::getId).toList().toString();
  }
}
