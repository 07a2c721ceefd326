package dev.tact.contact;

/**
 * What agents may set on a contact beyond names and identities: where the person lives, for
 * their local time and public holidays. Blank values clear a field.
 *
 * @param timeZone an IANA zone such as {@code America/Winnipeg}
 * @param country ISO 3166-1 alpha-2, e.g. {@code CA}
 * @param subdivision the ISO 3166-2 subdivision without the country, e.g. {@code mb} for Manitoba
 * @param locale a BCP 47 language tag, e.g. {@code fr-CA}
 * @param tier the customer tier, a short lower-case name such as {@code vip}; blank for the standard tier
 */
public record ContactProfile(String organisation, String locale, String timeZone, String country,
    String subdivision, String tier) {

  /** A profile without a customer tier (the standard one). */
  public ContactProfile(String organisation, String locale, String timeZone, String country, String subdivision) {
    this(organisation, locale, timeZone, country, subdivision, null);
  }
}
