package dev.tact.replytemplates.web;

import dev.tact.replytemplates.Editor;
import dev.tact.staff.StaffPrincipals;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The {@link Editor} behind a request: the signed-in agent, or an API token (no personal templates). */
@Component
class Editors {

  private final StaffPrincipals principals;

  Editors(StaffPrincipals principals) {
    this.principals = principals;
  }

  Editor of(Authentication auth) {
    boolean lead = StaffPrincipals.isLead(auth);
    if (StaffPrincipals.token(auth).isPresent()) {
      return new Editor(null, principals.name(auth), lead);
    }
    // signed in without an agent record (a test's mock user, a deleted agent's old session): shared templates only
    return principals.agent(auth).map(a -> new Editor(a.id(), a.displayName(), lead))
        .orElseGet(() -> new Editor(null, auth == null ? "unknown" : auth.getName(), lead));
  }
}
