package dev.tact.staff;

import dev.tact.staff.signin.SignInSetup;
import java.util.Optional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * How agents sign in to the UI, for the web module's security configuration to apply: a throttled password form, an
 * optional OpenID Connect button, a second step for two factors, and sign-out (ADR 0020). Every way in ends in the
 * same signed-in state: the agent's email as the authentication's name and their role's authorities.
 */
@Component
public class SignInSecurity {

  private final SignInSetup setup;

  SignInSecurity(SignInSetup setup) {
    this.setup = setup;
  }

  /** Form login, single sign-on when configured, and logout, on the agent UI's filter chain. */
  public void configure(HttpSecurity http) throws Exception {
    setup.configure(http);
  }

  /** The single sign-on provider's name for the login page's button ("Sign in with …"), when it is configured. */
  public Optional<String> singleSignOnName() {
    return setup.singleSignOnName();
  }

  /** Where the single sign-on button points. */
  public String singleSignOnPath() {
    return setup.singleSignOnPath();
  }
}
