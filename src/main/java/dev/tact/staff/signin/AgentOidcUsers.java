package dev.tact.staff.signin;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Matches the person the OpenID Connect provider vouches for to an active agent by their verified email address.
 * Nobody is created: an unknown, unverified or deactivated address is refused with words the person can act on.
 */
class AgentOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String REFUSED = "tact_not_an_agent";

  private final OidcUserService provider = new OidcUserService();
  private final StaffDirectory staff;
  private final AuditLog audit;

  AgentOidcUsers(StaffDirectory staff, AuditLog audit) {
    this.staff = staff;
    this.audit = audit;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    String email = user.getEmail();
    if (email == null || email.isBlank()) {
      throw refuse(null, "Your identity provider did not tell Tact your email address, so Tact cannot find your "
          + "account. Ask your administrator to release the 'email' claim to Tact.");
    }
    if (!Boolean.TRUE.equals(user.getEmailVerified())) {
      throw refuse(email, "Your identity provider has not verified the address " + email
          + ", so Tact cannot match it to an account.");
    }
    if (staff.findAgentByEmail(email).filter(Agent::active).isEmpty()) {
      throw refuse(email, email + " is not an active agent of this Tact. An admin can add you, or reactivate you.");
    }
    return user;
  }

  private OAuth2AuthenticationException refuse(String email, String message) {
    audit.recordAlone(AuditRecord.of("signin.failed", "agent", email, "Single sign-on refused: " + message)
        .by(AuditActor.anonymous(email)));
    return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, message, null), message);
  }
}
