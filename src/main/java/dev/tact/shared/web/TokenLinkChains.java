package dev.tact.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security chain of a public page whose only permission is the unguessable token in its path (unsubscribe and
 * survey links): no login, no session, no CSRF token, nothing remembered for a later sign-in, the UI's content policy.
 */
public final class TokenLinkChains {

  private TokenLinkChains() {}

  public static SecurityFilterChain stateless(HttpSecurity http, String pathPattern, ReferrerPolicy referrer)
      throws Exception {
    return http
        .securityMatcher(pathPattern)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.ui(false)))
            .referrerPolicy(policy -> policy.policy(referrer)))
        .build();
  }
}
