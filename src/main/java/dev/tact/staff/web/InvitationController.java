package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Invitations;
import dev.tact.staff.LinkCheck;
import dev.tact.staff.PasswordRules;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The invitation link (no sign-in: its secret is the permission): the invited person chooses their password. */
@UiController
@RequestMapping("/invitation/{token}")
class InvitationController {

  private final Invitations invitations;

  InvitationController(Invitations invitations) {
    this.invitations = invitations;
  }

  @GetMapping
  String form(@PathVariable String token, Model model, HttpServletResponse response) {
    OneTimePages.protect(response);
    LinkCheck check = invitations.check(token);
    if (!check.valid()) {
      return OneTimePages.problem(check, "invitation", model, response);
    }
    return page(token, check, model);
  }

  @PostMapping
  String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OneTimePages.protect(response);
    try {
      invitations.accept(token, password, repeated);
      redirect.addFlashAttribute("notice", "Your password is set. Log in with your email address and it.");
      return "redirect:/login";
    } catch (ProblemException e) {
      if (OneTimePages.aboutTheLink(e)) {
        return OneTimePages.problem(e, model, response);
      }
      response.setStatus(e.status());
      model.addAttribute("problem", e.getMessage());
      return page(token, invitations.check(token), model);
    }
  }

  private static String page(String token, LinkCheck check, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("check", check);
    model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
    return "staff/invitation";
  }
}
