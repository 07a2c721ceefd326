package dev.tact.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as it stands: what customers read now ({@code message}), the components it affects, its state.
 *
 * @param keywords words besides the components' that name it in customers' messages
 * @param acknowledgeReporters whether each contact reporting it gets one "we know" reply
 * @param version counts its changes (an update, a link); a change names the version it saw
 */
public record Incident(UUID id, long number, String title, Impact impact, IncidentState state, String message,
    List<String> keywords, Instant startedAt, Instant declaredAt, String declaredBy, Instant firstPublicUpdateAt,
    Instant resolvedAt, String postmortemUrl, boolean acknowledgeReporters, List<UUID> componentIds, long version) {

  public Incident {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    componentIds = componentIds == null ? List.of() : List.copyOf(componentIds);
  }

  /** How people name it: "INC-12". */
  public String reference() {
    return "INC-" + number;
  }

  public boolean open() {
    return resolvedAt == null;
  }
}
