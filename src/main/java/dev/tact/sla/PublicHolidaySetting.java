package dev.tact.sla;

import java.util.Locale;

/**
 * Which public holidays close a team: those of a country (ISO 3166 alpha-2) and optional subdivision as Jollyday
 * knows them (e.g. {@code CA}/{@code mb}), actual and observed dates, with or without bank holidays.
 */
public record PublicHolidaySetting(String country, String subdivision, boolean bankHolidays) {

  public PublicHolidaySetting {
    country = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    subdivision = subdivision == null ? "" : subdivision.strip().toLowerCase(Locale.ROOT);
    if (country.isEmpty() && !subdivision.isEmpty()) {
      throw new IllegalArgumentException("a subdivision needs a country: " + subdivision);
    }
  }

  /** No public holidays at all. */
  public static PublicHolidaySetting none() {
    return new PublicHolidaySetting("", "", false);
  }

  /** Public and bank holidays of the country and subdivision (subdivision may be null). */
  public static PublicHolidaySetting of(String country, String subdivision) {
    return new PublicHolidaySetting(country, subdivision, true);
  }

  public boolean isNone() {
    return country.isEmpty();
  }
}
