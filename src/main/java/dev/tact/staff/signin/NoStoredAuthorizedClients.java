package dev.tact.staff.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Tact signs agents in with OpenID Connect but never calls the provider on their behalf afterwards, so the access
 * token is not kept (the default would keep every one in memory, or in the session table).
 */
class NoStoredAuthorizedClients implements OAuth2AuthorizedClientRepository {

  @Override
  @SuppressWarnings("unchecked")
  public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
      Authentication principal, HttpServletRequest request) {
    return null;
  }

  @Override
  public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
      HttpServletRequest request, HttpServletResponse response) {
    // not kept
  }

  @Override
  public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
      HttpServletRequest request, HttpServletResponse response) {
    // nothing kept
  }
}
