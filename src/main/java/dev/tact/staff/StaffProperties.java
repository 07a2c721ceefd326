package dev.tact.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts.
 *
 * @param baseUrl the address agents open Tact at (e.g. https://help.example.com), written into invitation, reset
 *     and setup links; blank: http://localhost and the port this node listens on. Links are never built from a
 *     request's Host header, which whoever asks for a reset link could choose.
 * @param invitationValidity how long an invitation link works
 * @param resetValidity how long a password reset link works
 * @param setupValidity how long the first-start setup link works (a restart after that prints a new one)
 * @param resetsPerHour at most this many reset links are mailed to one agent per hour (more asks answer the same,
 *     and send nothing)
 * @param timeZone the zone agent pages show times in for an agent who chose none on their profile (an IANA id such
 *     as Europe/Paris); blank: this node's system zone
 * @param passwordHashStrength the bcrypt cost of new password hashes (log2 of its rounds, 4 to 31): each step doubles
 *     the work of a sign-in and of a guess. 10 is bcrypt's usual cost; a stored hash keeps the cost it was made with,
 *     so a change applies to passwords set from then on
 */
@ConfigurationProperties("tact.staff")
public record StaffProperties(@DefaultValue("") String baseUrl, @DefaultValue("P7D") Duration invitationValidity,
    @DefaultValue("PT1H") Duration resetValidity, @DefaultValue("PT24H") Duration setupValidity,
    @DefaultValue("5") int resetsPerHour, @DefaultValue("") String timeZone,
    @DefaultValue("10") int passwordHashStrength) {

  public StaffProperties {
    for (Duration d : new Duration[] {invitationValidity, resetValidity, setupValidity}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("tact.staff link validities must be positive, not " + d);
      }
    }
    if (passwordHashStrength < 4 || passwordHashStrength > 31) {
      throw new IllegalArgumentException(
          "tact.staff.password-hash-strength must be a bcrypt cost from 4 to 31, not " + passwordHashStrength);
    }
    baseUrl = baseUrl == null ? "" : baseUrl.strip();
    timeZone = timeZone == null ? "" : timeZone.strip();
    if (!timeZone.isEmpty()) {
      java.time.ZoneId.of(timeZone); // an unknown zone stops the start with the reason
    }
  }
}
