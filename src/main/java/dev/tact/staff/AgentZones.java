package dev.tact.staff;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The zone an agent reads times in: the one on their profile, else the site's ({@code tact.staff.time-zone}, else
 * the node's system zone). API tokens, customers and visitors read times in the site's zone.
 */
@Component
public class AgentZones {

  private final JdbcClient jdbc;
  private final ZoneId siteZone;

  AgentZones(JdbcClient jdbc, StaffProperties properties) {
    this.jdbc = jdbc;
    this.siteZone = properties.timeZone().isEmpty() ? ZoneId.systemDefault() : ZoneId.of(properties.timeZone());
  }

  public ZoneId siteZone() {
    return siteZone;
  }

  /** The zone of the agent with this id; the site's when they chose none (or there is no such agent). */
  public ZoneId of(UUID agentId) {
    return zone(jdbc.sql("SELECT time_zone FROM staff_agent WHERE id = :id").param("id", agentId)
        .query(String.class).optional().orElse(null));
  }

  /** The zone of whoever is signed in (one query for an agent's session); the site's for anyone else. */
  public ZoneId of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken || authentication.getPrincipal() instanceof TokenPrincipal) {
      return siteZone;
    }
    return zone(jdbc.sql("SELECT time_zone FROM staff_agent WHERE email = :email")
        .param("email", authentication.getName().trim().toLowerCase(Locale.ROOT))
        .query(String.class).optional().orElse(null));
  }

  /** The zone of whoever is signed in on this thread. */
  public ZoneId ofSignedIn() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  private ZoneId zone(String stored) {
    if (stored == null || stored.isBlank()) {
      return siteZone;
    }
    try {
      return ZoneId.of(stored);
    } catch (DateTimeException e) {
      return siteZone; // written before zones were checked; the profile page asks for a valid one
    }
  }
}
