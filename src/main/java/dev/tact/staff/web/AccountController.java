package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Accounts;
import dev.tact.staff.Agent;
import dev.tact.staff.AgentProfile;
import dev.tact.staff.PasswordRules;
import dev.tact.staff.StaffDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in agent's own account: their profile (name, time zone, signature, languages) and password. */
@UiController
@RequestMapping("/account")
class AccountController {

  private final Accounts accounts;
  private final StaffDirectory staff;

  AccountController(Accounts accounts, StaffDirectory staff) {
    this.accounts = accounts;
    this.staff = staff;
  }

  @GetMapping
  String account(Authentication authentication, Model model) {
    Agent agent = me(authentication);
    AgentProfile profile = accounts.profile(agent.id());
    model.addAttribute("agent", agent);
    if (!model.containsAttribute("profile")) {
      model.addAttribute("profile", new ProfileForm(profile.displayName(), profile.timeZone(), profile.signature(),
          String.join(", ", profile.languages())));
    }
    model.addAttribute("zones", Accounts.timeZones());
    model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
    return "staff/account";
  }

  /** The profile form as typed, shown again when it was refused (serializable: flash attributes live in the session). */
  record ProfileForm(String displayName, String timeZone, String signature, String languages)
      implements java.io.Serializable {}

  @PostMapping("/profile")
  String profile(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "") String signature, @RequestParam(defaultValue = "") String languages,
      Authentication authentication, RedirectAttributes redirect) {
    Agent agent = me(authentication);
    try {
      accounts.updateProfile(agent.id(), displayName, timeZone, signature, Accounts.splitLanguages(languages));
      redirect.addFlashAttribute("notice", "Profile saved.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addFlashAttribute("profile", new ProfileForm(displayName, timeZone, signature, languages));
    }
    return "redirect:/account";
  }

  @PostMapping("/password")
  String password(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeated, Authentication authentication, RedirectAttributes redirect) {
    Agent agent = me(authentication);
    return Flash.run(redirect, "/account", "Password changed. Your other sessions end.",
        () -> accounts.changePassword(agent.id(), current, password, repeated));
  }

  private Agent me(Authentication authentication) {
    return staff.findAgentByEmail(authentication.getName()).orElseThrow(() -> new ProblemException(403, "no-agent",
        "No agent account", "You are not signed in as an agent."));
  }
}
