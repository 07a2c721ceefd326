package dev.tact.policy.web;

import dev.tact.policy.PolicySettingsForm;
import dev.tact.policy.PolicySettingsService;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

@ApiController
@RequestMapping("/api/v1/admin/policy/settings")
@Tag(name = "Administration", description = "Admin role only")
class PolicySettingsApiController {

  private final PolicySettingsService settings;
  private final StaffPrincipals principals;

  PolicySettingsApiController(PolicySettingsService settings, StaffPrincipals principals) {
    this.settings = settings;
    this.principals = principals;
  }

  @Operation(summary = "The contact policy's settings",
      description = "Quiet hours per channel (e.g. PHONE_CALL: 21:00-08:00), channels without marketing on weekends "
          + "and holidays, the marketing cap and the calls-per-subject cap (count per hours), the cool-down after "
          + "support (days), and whether the legal calling windows per jurisdiction apply.")
  @GetMapping
  PolicySettingsForm get() {
    return PolicySettingsForm.of(settings.settings());
  }

  @Operation(summary = "Change the contact policy's settings", description = "For every node at once; a bad value "
      + "is a 422 and changes nothing.")
  @PutMapping
  PolicySettingsForm put(@RequestBody PolicySettingsForm form, Authentication authentication) {
    if (form == null) {
      throw ProblemException.invalid("invalid-policy-settings", "The body must be the settings object.");
    }
    return PolicySettingsForm.of(settings.update(form, principals.who(authentication)));
  }
}
