package dev.tact.policy.web;

import dev.tact.policy.ContactPolicies;
import dev.tact.policy.LegalPreset;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.PolicySettingsForm;
import dev.tact.policy.PolicySettingsService;
import dev.tact.shared.Channel;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Contact policy: quiet hours, weekends, holidays, caps, cool-down and the legal presets. */
@UiController
class PolicyAdminController {

  private final PolicySettingsService settings;
  private final StaffPrincipals principals;

  PolicyAdminController(PolicySettingsService settings, StaffPrincipals principals) {
    this.settings = settings;
    this.principals = principals;
  }

  @GetMapping("/admin/policy")
  String show(Model model) {
    model.addAttribute("form", PolicySettingsForm.of(settings.settings()));
    model.addAttribute("channels", PolicyChannels.options());
    model.addAttribute("presets", ContactPolicies.legalPresets());
    return "policy/admin";
  }

  @PostMapping("/admin/policy")
  String save(@RequestParam MultiValueMap<String, String> params, Authentication auth, RedirectAttributes redirect) {
    Map<String, String> quiet = new LinkedHashMap<>();
    List<String> weekends = new ArrayList<>();
    List<String> holidays = new ArrayList<>();
    List<String> disabledPresets = new ArrayList<>();
    for (LegalPreset preset : ContactPolicies.legalPresets()) {
      if (!params.containsKey("preset_" + preset.row())) {
        disabledPresets.add(preset.row());
      }
    }
    for (PolicyChannels.Option channel : PolicyChannels.options()) {
      quiet.put(channel.name(), params.getFirst("quiet_" + channel.name()));
      if (params.containsKey("weekend_" + channel.name())) {
        weekends.add(channel.name());
      }
      if (params.containsKey("holiday_" + channel.name())) {
        holidays.add(channel.name());
      }
    }
    return Flash.run(redirect, "/admin/policy", "Contact policy settings saved for every node.", () ->
        settings.update(new PolicySettingsForm(quiet, params.containsKey("quietHoursForTransactional"), weekends,
            holidays, number(params, "marketingCapCount"), number(params, "marketingCapHours"),
            number(params, "callsPerSubjectCapCount"), number(params, "callsPerSubjectCapHours"),
            number(params, "supportCoolDownDays"), params.containsKey("legalPresets"), disabledPresets),
            principals.who(auth)));
  }

  private static int number(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    try {
      return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw dev.tact.shared.ProblemException.invalid("invalid-policy-settings", name + " must be a whole number.");
    }
  }
}
