package dev.tact.staff.signin;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one OpenID Connect client, registered as {@code oidc}. The provider's configuration is fetched at the first
 * sign-in rather than at start-up, so Tact starts even when the provider is down, and retries until it answers.
 */
class OidcClientRegistration implements ClientRegistrationRepository {

  static final String ID = "oidc";

  private final OidcProperties properties;
  private volatile ClientRegistration registration;

  OidcClientRegistration(OidcProperties properties) {
    this.properties = properties;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    if (known == null) {
      synchronized (this) {
        if (registration == null) {
          registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri().strip())
              .registrationId(ID)
              .clientName(properties.displayName())
              .clientId(properties.clientId())
              .clientSecret(properties.clientSecret())
              .scope("openid", "email", "profile")
              .build();
        }
        known = registration;
      }
    }
    return known;
  }
}
