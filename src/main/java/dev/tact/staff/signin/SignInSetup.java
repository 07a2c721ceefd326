package dev.tact.staff.signin;

import dev.tact.audit.AuditLog;
import dev.tact.staff.StaffDirectory;
import java.util.Optional;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Puts the sign-in parts on the UI's filter chain (see {@link dev.tact.staff.SignInSecurity}). */
@Component
public class SignInSetup {

  private final ThrottledPasswordAuthentication passwords;
  private final SignInHandlers handlers;
  private final SingleSignOn singleSignOn;

  SignInSetup(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, SignInSteps steps,
      StaffDirectory staff, AuditLog audit, LockedRefusals refusals, SignInHandlers handlers, SingleSignOn singleSignOn) {
    this.passwords = new ThrottledPasswordAuthentication(users, encoder, throttle, steps, staff, audit, refusals);
    this.handlers = handlers;
    this.singleSignOn = singleSignOn;
  }

  public void configure(HttpSecurity http) throws Exception {
    // This chain asks the throttled provider (and single sign-on's), never the global manager Spring Boot builds
    // from the UserDetailsService: after a refused or failed attempt nothing else may try the same password.
    http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
    http.authenticationProvider(passwords);
    http.formLogin(form -> form
        .loginPage("/login")
        .successHandler(handlers)
        .failureHandler(handlers.passwordFailure())
        .permitAll());
    singleSignOn.configure(http, handlers, handlers.singleSignOnFailure());
    http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
  }

  public Optional<String> singleSignOnName() {
    return singleSignOn.displayName();
  }

  public String singleSignOnPath() {
    return SingleSignOn.START;
  }
}
