package dev.tact.policy.web;

import dev.tact.policy.Emergencies;
import dev.tact.policy.Emergency;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Declared emergencies (R15): any agent may read them; leads and admins declare and end them. */
@ApiController
@RequestMapping("/api/v1/policy/emergencies")
@Tag(name = "Contact policy")
class EmergencyApiController {

  record EndBody(Instant endsAt) {}

  private final Emergencies emergencies;
  private final StaffPrincipals principals;

  EmergencyApiController(Emergencies emergencies, StaffPrincipals principals) {
    this.emergencies = emergencies;
    this.principals = principals;
  }

  @Operation(summary = "Declared emergencies, newest first")
  @GetMapping
  List<Emergency> list() {
    return emergencies.all();
  }

  @Operation(summary = "Declare an emergency for a region (lead or admin)",
      description = "title, country (ISO 3166-1), subdivision (optional, e.g. la), startsAt (default now), endsAt "
          + "(optional: without one sales contacts there are denied until it is ended; with one they are deferred "
          + "to it), exemptionsSuspended (default true: express requests and business relationships do not exempt).")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Emergency declare(@RequestBody Emergencies.Declaration body, Authentication authentication) {
    requireLead(authentication);
    return emergencies.declare(body, principals.who(authentication));
  }

  @Operation(summary = "End an emergency now, or at endsAt (lead or admin)")
  @PostMapping("/{id}/end")
  Emergency end(@PathVariable UUID id, @RequestBody(required = false) EndBody body, Authentication authentication) {
    requireLead(authentication);
    return emergencies.end(id, body == null ? null : body.endsAt(), principals.who(authentication));
  }

  private static void requireLead(Authentication authentication) {
    if (!StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may declare or end an "
          + "emergency.");
    }
  }
}
