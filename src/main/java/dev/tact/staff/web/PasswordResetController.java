package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.LinkCheck;
import dev.tact.staff.PasswordResets;
import dev.tact.staff.PasswordRules;
import dev.tact.staff.StaffProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot your password?": asking for a link answers the same whether or not the address is staff's; the link's
 * page sets a new password.
 */
@UiController
@RequestMapping("/password-reset")
class PasswordResetController {

  private final PasswordResets resets;
  private final StaffProperties properties;

  PasswordResetController(PasswordResets resets, StaffProperties properties) {
    this.resets = resets;
    this.properties = properties;
  }

  @GetMapping
  String ask() {
    return "staff/password-reset-request";
  }

  @PostMapping
  String request(@RequestParam(defaultValue = "") String email, Model model) {
    resets.request(email);
    model.addAttribute("sent", true);
    model.addAttribute("minutes", properties.resetValidity().toMinutes());
    return "staff/password-reset-request";
  }

  @GetMapping("/{token}")
  String form(@PathVariable String token, Model model, HttpServletResponse response) {
    OneTimePages.protect(response);
    LinkCheck check = resets.check(token);
    if (!check.valid()) {
      return OneTimePages.problem(check, "password reset", model, response);
    }
    return page(token, check, model);
  }

  @PostMapping("/{token}")
  String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OneTimePages.protect(response);
    try {
      resets.reset(token, password, repeated);
      redirect.addFlashAttribute("notice", "Your new password is set. Log in with it.");
      return "redirect:/login";
    } catch (ProblemException e) {
      if (OneTimePages.aboutTheLink(e)) {
        return OneTimePages.problem(e, model, response);
      }
      response.setStatus(e.status());
      model.addAttribute("problem", e.getMessage());
      return page(token, resets.check(token), model);
    }
  }

  private static String page(String token, LinkCheck check, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("check", check);
    model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
    return "staff/password-reset";
  }
}
