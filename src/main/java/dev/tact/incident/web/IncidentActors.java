package dev.tact.incident.web;

import dev.tact.staff.StaffDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who did it, as incidents record it: the agent's name and address. */
@Component
class IncidentActors {

  private final StaffDirectory staff;

  IncidentActors(StaffDirectory staff) {
    this.staff = staff;
  }

  String who(Authentication auth) {
    String email = auth == null ? "unknown" : auth.getName();
    return staff.findAgentByEmail(email).map(a -> a.displayName() + " <" + a.email() + ">").orElse(email);
  }
}
