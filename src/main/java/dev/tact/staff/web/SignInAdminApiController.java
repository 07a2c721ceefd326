package dev.tact.staff.web;

import dev.tact.shared.web.ApiController;
import dev.tact.staff.AgentSession;
import dev.tact.staff.SignInAdministration;
import dev.tact.staff.TwoFactorStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Agents' sign-in for admins: their sessions, their two factors, and whether two factors are required. */
@ApiController
@RequestMapping("/api/v1/admin")
@Tag(name = "Sign-in", description = "Admin role only: agents' sessions and two-factor sign-in")
class SignInAdminApiController {

  record Policy(boolean requireTwoFactor) {}

  private final SignInAdministration administration;

  SignInAdminApiController(SignInAdministration administration) {
    this.administration = administration;
  }

  @Operation(summary = "The agent's signed-in sessions, most recently active first")
  @GetMapping("/staff/agents/{id}/sessions")
  List<AgentSession> sessions(@PathVariable UUID id) {
    return administration.sessions(id);
  }

  @Operation(summary = "End every session of the agent", description = "Answers how many sessions ended.")
  @DeleteMapping("/staff/agents/{id}/sessions")
  Map<String, Integer> endSessions(@PathVariable UUID id) {
    return Map.of("ended", administration.endSessions(id));
  }

  @Operation(summary = "End one session of the agent, by the id the list shows")
  @DeleteMapping("/staff/agents/{id}/sessions/{sessionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endSession(@PathVariable UUID id, @PathVariable String sessionId) {
    administration.endSession(id, sessionId);
  }

  @Operation(summary = "The agent's two-factor sign-in")
  @GetMapping("/staff/agents/{id}/two-factor")
  TwoFactorStatus twoFactor(@PathVariable UUID id) {
    return administration.twoFactor(id);
  }

  @Operation(summary = "Reset the agent's two-factor sign-in (a lost phone)",
      description = "Removes their authenticator and recovery codes; they set it up again (at their next sign-in "
          + "when two factors are required).")
  @DeleteMapping("/staff/agents/{id}/two-factor")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetTwoFactor(@PathVariable UUID id) {
    administration.resetTwoFactor(id);
  }

  @GetMapping("/signin/policy")
  Policy policy() {
    return new Policy(administration.requiresTwoFactor());
  }

  @Operation(summary = "Require two-factor sign-in for every agent, or make it optional")
  @PutMapping("/signin/policy")
  Policy setPolicy(@RequestBody Policy policy) {
    administration.requireTwoFactor(policy.requireTwoFactor());
    return new Policy(administration.requiresTwoFactor());
  }
}
