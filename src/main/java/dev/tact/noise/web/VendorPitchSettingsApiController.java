package dev.tact.noise.web;

import dev.tact.mail.StaffDomains;
import dev.tact.noise.VendorPitchSettings;
import dev.tact.noise.VendorPitchSettingsService;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Admin → Noise control over the API: where vendor pitches go and their standard answer; the staff domains. */
@ApiController
@Tag(name = "Administration", description = "Admin role only")
class VendorPitchSettingsApiController {

  private final VendorPitchSettingsService settings;
  private final StaffDomains staffDomains;
  private final StaffPrincipals principals;

  VendorPitchSettingsApiController(VendorPitchSettingsService settings, StaffDomains staffDomains,
      StaffPrincipals principals) {
    this.settings = settings;
    this.staffDomains = staffDomains;
    this.principals = principals;
  }

  @Operation(summary = "Where vendor pitches go, and their standard answer", description = "Saved by an admin "
      + "(stored true) or the configuration's (tact.noise.vendor-pitch-owner, -answer, -answer-text).")
  @GetMapping("/api/v1/admin/noise/vendor-pitches")
  VendorPitchSettings get() {
    return settings.current();
  }

  @Operation(summary = "Change the vendor-pitch owner and standard answer", description = "owner: an agent's "
      + "email or a team's name, blank for nobody; answer: true or false; answerText: blank keeps the text in "
      + "force. For every node; a bad value is a 422 and changes nothing.")
  @PutMapping("/api/v1/admin/noise/vendor-pitches")
  VendorPitchSettings put(@RequestBody VendorPitchSettings.Change change, Authentication authentication) {
    return settings.update(change, principals.who(authentication));
  }

  @Operation(summary = "Use the configured vendor-pitch owner and answer again")
  @DeleteMapping("/api/v1/admin/noise/vendor-pitches")
  VendorPitchSettings reset(Authentication authentication) {
    return settings.reset(principals.who(authentication));
  }

  @Operation(summary = "The staff domains in force", description = "Senders of these domains are staff: their "
      + "forwards of a customer's or vendor's mail make the original sender the requester, and they are never held "
      + "as a mail-bomb. tact.mail.staff-domains, plus the domains of the mailboxes and the agents' addresses "
      + "(publicProvidersLeftOut: public mail providers, which never count).")
  @GetMapping("/api/v1/admin/mail/staff-domains")
  StaffDomains.Overview staffDomains() {
    return staffDomains.overview();
  }
}
