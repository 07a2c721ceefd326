package dev.tact.staff;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit log keeps of an agent before and after a change: never a password or a link. */
final class StaffSnapshots {

  private StaffSnapshots() {}

  static Map<String, Object> of(Agent agent) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("email", agent.email());
    snapshot.put("displayName", agent.displayName());
    snapshot.put("role", agent.role().name());
    snapshot.put("state", agent.state().name());
    return snapshot;
  }
}
