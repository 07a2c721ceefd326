package dev.tact.incident;

import dev.tact.policy.IncidentExposure;
import dev.tact.policy.IncidentExposures;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the contact policy which incidents affect contacts: reporters, subscribers of an affected component and
 * selected contacts, while the incident is open and for {@code tact.incident.sales-cool-down} after it is resolved.
 */
@Component
class IncidentExposuresForPolicy implements IncidentExposures {

  private final IncidentStore store;
  private final IncidentProperties properties;

  IncidentExposuresForPolicy(IncidentStore store, IncidentProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Override
  public Map<UUID, IncidentExposure> exposures(Collection<UUID> contactIds, Instant now) {
    Map<UUID, IncidentExposure> exposed = new HashMap<>();
    store.affecting(contactIds, now.minus(properties.salesCoolDown())).forEach((contact, incidents) -> {
      if (!incidents.isEmpty()) {
        exposed.put(contact, exposure(incidents.getFirst()));
      }
    });
    return exposed;
  }

  private IncidentExposure exposure(Incident incident) {
    return new IncidentExposure(incident.reference(), incident.title(), incident.resolvedAt(),
        incident.resolvedAt() == null ? null : incident.resolvedAt().plus(properties.salesCoolDown()));
  }
}
