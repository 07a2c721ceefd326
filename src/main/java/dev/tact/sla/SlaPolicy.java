package dev.tact.sla;

import dev.tact.conversation.Priority;
import java.util.Set;
import java.util.UUID;

/**
 * Service targets for the conversations matching all of its conditions (an empty set matches anything):
 * targets in business minutes of the team's calendar (null: none), and when to warn (percent of a target).
 * Customer tiers are written as on contacts; {@code standard} matches contacts without a tier.
 */
public record SlaPolicy(UUID id, int position, String name, Set<Priority> priorities, Set<String> intents,
    Set<String> customerTiers, Set<UUID> teamIds, Integer firstResponseMinutes, Integer nextResponseMinutes,
    Integer resolutionMinutes, int warnAtPercent) {

  public boolean matches(Priority priority, String intent, String customerTier, UUID teamId) {
    return (priorities.isEmpty() || priorities.contains(priority))
        && (intents.isEmpty() || (intent != null && intents.contains(intent)))
        && (customerTiers.isEmpty() || customerTiers.contains(customerTier == null ? "standard" : customerTier))
        && (teamIds.isEmpty() || (teamId != null && teamIds.contains(teamId)));
  }

  /** The target of the metric in business minutes, or null when the policy sets none. */
  public Integer targetMinutes(SlaMetric metric) {
    return switch (metric) {
      case FIRST_RESPONSE -> firstResponseMinutes;
      case NEXT_RESPONSE -> nextResponseMinutes;
      case RESOLUTION -> resolutionMinutes;
    };
  }
}
