package dev.tact.staff.signin;

import java.util.Optional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** OpenID Connect sign-in when configured: the login page's button and Spring Security's OAuth2 login. */
public final class SingleSignOn {

  /** Where the login page's button goes: Spring Security redirects from there to the provider. */
  public static final String START = "/oauth2/authorization/" + OidcClientRegistration.ID;

  private final OidcProperties properties;
  private final OidcClientRegistration registration;
  private final AgentOidcUsers users;

  SingleSignOn(OidcProperties properties, OidcClientRegistration registration, AgentOidcUsers users) {
    this.properties = properties;
    this.registration = registration;
    this.users = users;
  }

  /** The provider's name for the login page's button, when single sign-on is on. */
  public Optional<String> displayName() {
    return registration == null ? Optional.empty() : Optional.of(properties.displayName());
  }

  void configure(HttpSecurity http, AuthenticationSuccessHandler success, AuthenticationFailureHandler failure)
      throws Exception {
    if (registration == null) {
      return;
    }
    http.oauth2Login(login -> login
        .loginPage("/login")
        .clientRegistrationRepository(registration)
        .authorizedClientRepository(new NoStoredAuthorizedClients())
        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
        .successHandler(success)
        .failureHandler(failure));
  }
}
