package dev.tact.policy;

import dev.tact.policy.calendar.Regions;
import java.util.Locale;
import java.util.Objects;

/**
 * A country (ISO 3166-1 alpha-2, upper case) and, when known, one of its subdivisions (ISO 3166-2 without the
 * country, lower case, as the holiday calendars name them: {@code mb} for Manitoba).
 */
public record Region(String country, String subdivision) {

  public Region {
    Objects.requireNonNull(country, "country");
    country = country.strip().toUpperCase(Locale.ROOT);
    subdivision = subdivision == null || subdivision.isBlank() ? null : subdivision.strip().toLowerCase(Locale.ROOT);
  }

  public static Region of(String country) {
    return new Region(country, null);
  }

  /** "Manitoba", or the country's English name ("Canada") when no subdivision is known. */
  public String name() {
    return Regions.nameOf(country, subdivision);
  }

  /** "CA-MB", or "CA". */
  public String code() {
    return subdivision == null ? country : country + "-" + subdivision.toUpperCase(Locale.ROOT);
  }

  /** Whether this region lies inside {@code other}: the same region, or a subdivision of the country {@code other}. */
  public boolean within(Region other) {
    return country.equals(other.country) && (other.subdivision == null || other.subdivision.equals(subdivision));
  }
}
