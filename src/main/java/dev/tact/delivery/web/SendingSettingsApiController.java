package dev.tact.delivery.web;

import dev.tact.delivery.PacingSettings;
import dev.tact.delivery.PacingSettingsService;
import dev.tact.delivery.RelaySettings;
import dev.tact.delivery.RelaySettingsService;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/** Admin → Sending mail over the API: the SMTP relay and From, a test mail, and the pacing limits. */
@ApiController
@RequestMapping("/api/v1/admin/delivery")
@Tag(name = "Administration", description = "Admin role only")
class SendingSettingsApiController {

  /** Where a test mail goes. */
  record TestMailRequest(String to) {}

  private final RelaySettingsService relays;
  private final PacingSettingsService pacing;
  private final StaffPrincipals principals;

  SendingSettingsApiController(RelaySettingsService relays, PacingSettingsService pacing,
      StaffPrincipals principals) {
    this.relays = relays;
    this.pacing = pacing;
    this.principals = principals;
  }

  @Operation(summary = "The SMTP relay and From in force", description = "Saved by an admin (stored true) or the "
      + "configuration's (tact.delivery.smtp.*, from-address, from-name). The password is never shown: passwordSet "
      + "says whether one is kept. A blank host means no relay: mail is queued but not sent.")
  @GetMapping("/relay")
  RelaySettings relay() {
    return relays.settings();
  }

  @Operation(summary = "Change the SMTP relay and From", description = "For every node; dispatchers take the new "
      + "relay at their next connection. security: NONE, STARTTLS, STARTTLS_REQUIRED or SMTPS (default STARTTLS); "
      + "port: 1-65535 (default 465 for SMTPS, else 587); password: omitted or blank keeps the kept one, "
      + "removePassword: true drops it. A bad value is a 422 and changes nothing.")
  @PutMapping("/relay")
  RelaySettings changeRelay(@RequestBody RelaySettings.Change change, Authentication authentication) {
    return relays.update(change, principals.who(authentication));
  }

  @Operation(summary = "Use the configured relay and From again")
  @DeleteMapping("/relay")
  RelaySettings resetRelay(Authentication authentication) {
    return relays.reset(principals.who(authentication));
  }

  @Operation(summary = "Send a test mail through the relay in force", description = "Sent at once, not through "
      + "the outbox; answers whether the relay accepted it, its reply code and the answer in words. Not an address: "
      + "422; no relay configured: 409.")
  @PostMapping("/relay/test-mail")
  RelaySettings.TestMail testMail(@RequestBody TestMailRequest request, Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("invalid-test-recipient", "Send {\"to\": \"someone@example.com\"}.");
    }
    return relays.sendTestMail(request.to(), principals.who(authentication));
  }

  @Operation(summary = "The pacing limits in force", description = "Saved by an admin (stored true) or the "
      + "configuration's (tact.delivery.pacing.*); rates are sends per second for the whole installation.")
  @GetMapping("/pacing")
  PacingSettings pacing() {
    return pacing.settings();
  }

  @Operation(summary = "Change the pacing limits", description = "For every node, at once on the pacer's next "
      + "reservation: enabled, defaultRate, defaultBurst, globalRate and domains [{domain, rate, burst}]. A bad "
      + "value is a 422 and changes nothing.")
  @PutMapping("/pacing")
  PacingSettings changePacing(@RequestBody PacingSettings.Change change, Authentication authentication) {
    return pacing.update(change, principals.who(authentication));
  }

  @Operation(summary = "Use the configured pacing limits again")
  @DeleteMapping("/pacing")
  PacingSettings resetPacing(Authentication authentication) {
    return pacing.reset(principals.who(authentication));
  }
}
