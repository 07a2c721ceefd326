package dev.tact.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Which incidents affect contacts, for the suppression rule: provided by the incidents module, which knows the
 * reporters, the subscribers of the affected components and the contacts a lead selected. The policy asks it for many
 * contacts at once.
 */
public interface IncidentExposures {

  /**
   * For each of these contacts that an incident affects now (open, or resolved with its cool-down not over at
   * {@code now}), the one that weighs most: an open one first, else the one resolved last.
   */
  Map<UUID, IncidentExposure> exposures(Collection<UUID> contactIds, Instant now);
}
