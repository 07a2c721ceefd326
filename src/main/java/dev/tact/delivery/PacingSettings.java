package dev.tact.delivery;

import java.time.Instant;
import java.util.List;

/**
 * How fast mail may leave, as in force: for the whole installation (each of {@code nodes} sending nodes paces at its
 * share). Warm-up and the number of nodes are configuration only ({@code tact.delivery.pacing.*}).
 *
 * @param enabled false: every send may leave at once
 * @param defaultRate sends per second to a recipient domain without its own limit
 * @param defaultBurst sends that may leave at once to such a domain after a quiet spell
 * @param globalRate sends per second over all domains together
 * @param domains the domains with their own limit, by name
 * @param stored true when an admin saved these (Admin → Sending mail); false when they are the configuration's
 */
public record PacingSettings(boolean enabled, double defaultRate, int defaultBurst, double globalRate,
    List<DomainLimit> domains, int nodes, boolean stored, String updatedBy, Instant updatedAt) {

  /** One recipient domain's own limit. */
  public record DomainLimit(String domain, double rate, int burst) {}

  /** What an admin saves; every value is needed (the domains may be an empty list). */
  public record Change(Boolean enabled, Double defaultRate, Integer defaultBurst, Double globalRate,
      List<DomainLimit> domains) {}
}
