package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.LinkCheck;
import dev.tact.staff.PasswordRules;
import dev.tact.staff.SetupLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The setup link printed on the console of an installation without an admin: whoever has it creates the first one. */
@UiController
@RequestMapping("/setup/{token}")
class SetupController {

  private final SetupLinks setup;

  SetupController(SetupLinks setup) {
    this.setup = setup;
  }

  @GetMapping
  String form(@PathVariable String token, Model model, HttpServletResponse response) {
    OneTimePages.protect(response);
    LinkCheck check = setup.check(token);
    if (!check.valid()) {
      return OneTimePages.problem(check, "setup", model, response);
    }
    return page(token, check, "", "", model);
  }

  @PostMapping
  String complete(@PathVariable String token, @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OneTimePages.protect(response);
    try {
      setup.complete(token, email, displayName, password, repeated);
      redirect.addFlashAttribute("notice", "Tact is set up. Log in as its first admin, then invite your colleagues "
          + "under Admin → Staff.");
      return "redirect:/login";
    } catch (ProblemException e) {
      if (OneTimePages.aboutTheLink(e)) {
        return OneTimePages.problem(e, model, response);
      }
      response.setStatus(e.status());
      model.addAttribute("problem", e.getMessage());
      return page(token, setup.check(token), email, displayName, model);
    }
  }

  private static String page(String token, LinkCheck check, String email, String displayName, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("check", check);
    model.addAttribute("email", email);
    model.addAttribute("displayName", displayName);
    model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
    return "staff/setup";
  }
}
