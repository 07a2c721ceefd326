package dev.tact.staff.signin;

import dev.tact.audit.AuditLog;
import dev.tact.staff.StaffDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The single sign-on parts, made only when {@code tact.sso.oidc} is configured. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  @Bean
  SingleSignOn singleSignOn(OidcProperties properties, StaffDirectory staff, AuditLog audit) {
    return properties.enabled()
        ? new SingleSignOn(properties, new OidcClientRegistration(properties), new AgentOidcUsers(staff, audit))
        : new SingleSignOn(properties, null, null);
  }
}
