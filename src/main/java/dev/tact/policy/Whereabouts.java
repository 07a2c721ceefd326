package dev.tact.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the policy places a contact, and where that came from in words ("from the area code +1 204: Manitoba").
 * Several regions when the person may be in any of them (an area code shared by several provinces, a toll-free
 * number, several phone numbers): the strictest rules of all of them hold. Empty when nothing is known.
 */
public record Whereabouts(List<Region> regions, String source) {

  public Whereabouts {
    regions = regions == null ? List.of() : List.copyOf(regions.stream().distinct().toList());
    source = source == null ? "" : source;
  }

  public static Whereabouts unknown() {
    return new Whereabouts(List.of(), "no country, subdivision or phone number that tells where they are");
  }

  /** What the contact's own profile says (country required; subdivision may be null). */
  public static Whereabouts profile(String country, String subdivision) {
    if (country == null || country.isBlank()) {
      return unknown();
    }
    Region region = new Region(country, subdivision);
    return new Whereabouts(List.of(region), "from the contact's profile: " + region.name());
  }

  public boolean known() {
    return !regions.isEmpty();
  }

  /** "Manitoba", "Northwest Territories, Nunavut or Yukon", or "an unknown place". */
  public String names() {
    if (regions.isEmpty()) {
      return "an unknown place";
    }
    if (regions.size() > 4) {
      return "any of " + regions.size() + " regions of " + regions.stream().map(r -> Region.of(r.country()).name())
          .distinct().collect(Collectors.joining(", "));
    }
    List<String> names = regions.stream().map(Region::name).toList();
    return names.size() == 1 ? names.getFirst()
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
  }
}
