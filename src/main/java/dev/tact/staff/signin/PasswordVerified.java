package dev.tact.staff.signin;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The result of a right password when a second step is due. It is not authenticated and holds no authority, so even
 * while it passes through the security context on its way to becoming a {@link PendingSignIn} it opens nothing.
 */
final class PasswordVerified extends AbstractAuthenticationToken {

  private final String email;
  private final SecondStep step;

  PasswordVerified(String email, SecondStep step) {
    super(List.of());
    this.email = email;
    this.step = step;
    super.setAuthenticated(false);
  }

  SecondStep step() {
    return step;
  }

  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("a verified password alone never authenticates an agent with two factors");
    }
    super.setAuthenticated(false);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return email;
  }
}
