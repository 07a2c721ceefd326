package dev.tact.dashboard;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * What a dashboard panel is asked about: the period {@code [from, to)}, the zone its days and weeks are counted in,
 * and optional filters (null means every team, agent, channel or intent).
 */
public record ReportScope(Instant from, Instant to, ZoneId zone, UUID teamId, UUID agentId, Channel channel,
    String intent) {

  public ReportScope {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period must end after it starts");
    }
    intent = intent == null || intent.isBlank() ? null : intent;
  }
}
