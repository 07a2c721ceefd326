package dev.tact.staff.signin.web;

import dev.tact.shared.web.UiController;
import dev.tact.staff.SignInSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, or the inbox for someone already signed in. */
@UiController
class LoginController {

  private final SignInSecurity signIn;

  LoginController(SignInSecurity signIn) {
    this.signIn = signIn;
  }

  @GetMapping("/login")
  String login(Authentication authentication, Model model) {
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    signIn.singleSignOnName().ifPresent(name -> {
      model.addAttribute("singleSignOnName", name);
      model.addAttribute("singleSignOnPath", signIn.singleSignOnPath());
    });
    return "staff/login";
  }
}
