package dev.tact.web.security;

import dev.tact.shared.web.ContentSecurityPolicies;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.SignInSecurity;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.TokenRateLimiter;
import dev.tact.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors: the API (stateless, Bearer tokens, Problem Details for 401/403) and the agent UI
 * (sign-in as {@link SignInSecurity} sets it up, session, CSRF). The API documentation is open (when
 * tact.api.docs-enabled); the actuator has a door of its own ({@code ActuatorSecurityConfiguration}). Every page of
 * the UI needs a staff role: a sign-in half done (a password without its second factor) has none. Every response
 * says {@code Referrer-Policy: same-origin}; HSTS is sent on HTTPS requests only (also behind a TLS-terminating
 * proxy whose forwarded headers the server trusts).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * Spring Security's own observations are off: with an observation registry present (the actuator's) it wraps each
   * filter of a chain, every authorization and authentication in an observation of its own, which cost most of a
   * request the chain refuses (a profile of the API's 401: about half its samples). Requests are still timed as a
   * whole ({@code http.server.requests}).
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, TokenRateLimiter limiter, ProblemResponses problems)
      throws Exception {
    ProblemResponses.Rendered unauthenticated = problems.render(401, "unauthenticated", "Authentication required",
        "Send a valid API token as 'Authorization: Bearer tact_…' (revoked and expired ones are refused).");
    return http
        .securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable()) // no cookies on this door: a token must be sent explicitly
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, limiter, problems), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
            // held mail-bomb groups are an admin's decision, as on the UI's Admin → Noise control
            .requestMatchers("/api/v1/noise/held/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        // scopes are checked apart from roles, so a role rule added above never skips them (ADR 21)
        .addFilterAfter(new AuthorizationFilter(new ApiScopeRules()), AuthorizationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> unauthenticated.write(response))
            .accessDeniedHandler((request, response, ex) -> {
              if (ex instanceof AuthorizationDeniedException denied
                  && denied.getAuthorizationResult() instanceof ApiScopeRules.MissingScope missing) {
                problems.write(response, 403, "insufficient-scope", "Forbidden", "This token lacks the scope '"
                    + missing.scope().id() + "' that " + request.getMethod() + " " + request.getRequestURI() + " needs.");
              } else {
                problems.write(response, 403, "forbidden", "Forbidden", "This token's role may not do this.");
              }
            }))
        .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain ui(HttpSecurity http, SignInSecurity signIn, StaffDirectory staff) throws Exception {
    signIn.configure(http);
    return http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/login/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
            // one-time links (their secret is the permission) and asking for a reset link
            .requestMatchers("/invitation/*", "/password-reset", "/password-reset/*", "/setup/*").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/admin/**").hasRole("ADMIN")
            .anyRequest().hasAnyRole("AGENT", "LEAD", "ADMIN"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.ui(false)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .httpBasic(basic -> basic.disable())
        .addFilterBefore(new CurrentAgentFilter(staff), AuthorizationFilter.class)
        .build();
  }
}
