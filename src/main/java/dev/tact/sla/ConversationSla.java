package dev.tact.sla;

import java.util.List;
import java.util.UUID;

/**
 * A conversation's service targets: the policy that applies (null: none matches), whether its clocks are paused,
 * and every clock, active ones first.
 */
public record ConversationSla(UUID conversationId, UUID policyId, String policyName, String zone, boolean paused,
    List<SlaClockView> clocks) {

  /** The active clock with a target that is most urgent (breached first, then the least time left), if any. */
  public java.util.Optional<SlaClockView> mostUrgent() {
    return clocks.stream().filter(c -> c.active() && c.targetMinutes() != null)
        .min(java.util.Comparator.comparing((SlaClockView c) -> !c.breached())
            .thenComparing(c -> c.leftMinutes() == null ? Long.MAX_VALUE : c.leftMinutes()));
  }
}
