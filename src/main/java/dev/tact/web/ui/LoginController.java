package dev.tact.web.ui;

import dev.tact.staff.SignInSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
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
    return "login";
  }
}
