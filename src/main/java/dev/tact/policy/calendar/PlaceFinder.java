package dev.tact.policy.calendar;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.tact.policy.Region;
import dev.tact.policy.Whereabouts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a contact is, for the policy: the profile's country and subdivision when both are set; else what their phone
 * numbers say — for a North American number the state or province of its area code ({@link AreaCodes}), for
 * another the country of its country code — narrowed to the profile's country when only that is set. Several
 * numbers, or an area code of several regions, give several regions (the strictest rules of all hold).
 */
public final class PlaceFinder {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private PlaceFinder() {}

  /**
   * @param country the profile's ISO 3166-1 country, or null
   * @param subdivision the profile's subdivision (without the country), or null
   * @param phones the contact's phone numbers, E.164
   */
  public static Whereabouts whereabouts(String country, String subdivision, Collection<String> phones) {
    boolean hasCountry = country != null && !country.isBlank();
    if (hasCountry && subdivision != null && !subdivision.isBlank()) {
      return Whereabouts.profile(country, subdivision);
    }
    Whereabouts fromPhones = ofPhones(phones);
    if (!hasCountry) {
      return fromPhones;
    }
    String wanted = country.strip().toUpperCase(Locale.ROOT);
    List<Region> inCountry = fromPhones.regions().stream()
        .filter(r -> r.country().equals(wanted) && r.subdivision() != null).toList();
    if (inCountry.isEmpty()) {
      return Whereabouts.profile(country, null);
    }
    return new Whereabouts(inCountry, "from the contact's profile (" + Region.of(wanted).name() + ") and "
        + fromPhones.source().replaceFirst("^from ", ""));
  }

  /** What the phone numbers alone say; unknown when none tells a place. */
  public static Whereabouts ofPhones(Collection<String> phones) {
    Set<Region> regions = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    for (String phone : phones) {
      PhoneNumber number;
      try {
        number = PHONES.parse(phone, "ZZ");
      } catch (NumberParseException notANumber) {
        continue; // stored numbers are E.164; one that is not tells nothing
      }
      if (number.getCountryCode() == 1) {
        int npa = (int) (number.getNationalNumber() / 10_000_000L);
        AreaCodes.of(npa).ifPresent(code -> {
          regions.addAll(code.regions());
          sources.add("the area code +1 " + npa + ": " + code.inWords());
        });
      } else {
        String region = PHONES.getRegionCodeForNumber(number);
        if (region != null && region.length() == 2 && !"ZZ".equals(region)) {
          Region country = Region.of(region);
          regions.add(country);
          sources.add("the country code +" + number.getCountryCode() + ": " + country.name());
        }
      }
    }
    if (regions.isEmpty()) {
      return Whereabouts.unknown();
    }
    return new Whereabouts(new ArrayList<>(regions), "from " + String.join(" and ", sources));
  }
}
