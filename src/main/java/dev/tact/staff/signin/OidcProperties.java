package dev.tact.staff.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an OpenID Connect provider, off unless {@code issuer-uri} and {@code client-id} are set.
 *
 * @param issuerUri the provider's issuer (its {@code /.well-known/openid-configuration} is read at the first sign-in)
 * @param clientId the client id Tact was registered with at the provider
 * @param clientSecret that client's secret
 * @param displayName the provider's name on the login page's button ("Sign in with …")
 */
@ConfigurationProperties("tact.sso.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
    @DefaultValue("single sign-on") String displayName) {

  public boolean enabled() {
    return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
  }
}
