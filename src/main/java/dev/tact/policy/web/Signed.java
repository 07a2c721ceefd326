package dev.tact.policy.web;

import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who is signed in to the agent UI, as the policy's records name them ("Ana Agent <ana@example.com>"). */
@Component
class Signed {

  private final StaffDirectory staff;

  Signed(StaffDirectory staff) {
    this.staff = staff;
  }

  String who(Authentication auth) {
    String email = auth == null ? "unknown" : auth.getName();
    return staff.findAgentByEmail(email).map(a -> a.displayName() + " <" + a.email() + ">").orElse(email);
  }

  static boolean isLead(Authentication auth) {
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> Role.LEAD.authority().equals(a.getAuthority()));
  }
}
