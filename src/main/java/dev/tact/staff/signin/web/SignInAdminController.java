package dev.tact.staff.signin.web;

import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.AgentSession;
import dev.tact.staff.SignInAdministration;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.TwoFactorStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Sign-in: whether two factors are required, and every agent's two-factor state and sessions. */
@UiController
class SignInAdminController {

  private static final String PAGE = "/admin/signin";

  /** One agent's row on the page. */
  record AgentSignIn(Agent agent, TwoFactorStatus twoFactor, List<AgentSession> sessions) {}

  private final SignInAdministration administration;
  private final StaffDirectory staff;

  SignInAdminController(SignInAdministration administration, StaffDirectory staff) {
    this.administration = administration;
    this.staff = staff;
  }

  @GetMapping(PAGE)
  String page(Model model) {
    model.addAttribute("requireTwoFactor", administration.requiresTwoFactor());
    model.addAttribute("agents", staff.agents().stream()
        .map(a -> new AgentSignIn(a, administration.twoFactor(a.id()), administration.sessions(a.id())))
        .toList());
    return "staff/signin-admin";
  }

  @PostMapping(PAGE + "/policy")
  String policy(@RequestParam(defaultValue = "false") boolean requireTwoFactor, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, requireTwoFactor
            ? "Two-factor sign-in is now required: agents without it set it up at their next sign-in."
            : "Two-factor sign-in is now optional.",
        () -> administration.requireTwoFactor(requireTwoFactor));
  }

  @PostMapping(PAGE + "/agents/{id}/sessions/end")
  String endSessions(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> {
      int ended = administration.endSessions(id);
      redirect.addFlashAttribute("notice", "Ended " + ended + (ended == 1 ? " session." : " sessions."));
    });
  }

  @PostMapping(PAGE + "/agents/{id}/two-factor/reset")
  String resetTwoFactor(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> redirect.addFlashAttribute("notice",
        administration.resetTwoFactor(id) ? "Two-factor sign-in reset: the agent sets it up again."
            : "That agent had no two-factor sign-in."));
  }
}
