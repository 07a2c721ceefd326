package dev.tact.web.security;

import dev.tact.staff.ApiScope;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.TokenRateLimiter;
import dev.tact.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The actuator: health stays open for load balancers and orchestrators; metrics ({@code /actuator/prometheus},
 * {@code /actuator/metrics}) tell a lot about the installation and need an admin's API token with the admin scope, sent as a Bearer
 * token as on the API (a Prometheus scrape job's {@code authorization.credentials_file}). 401/403 are Problem
 * Details. Anything else under /actuator is refused.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain actuator(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher("/actuator/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // buckets of its own: scraping the metrics never eats into a token's API allowance
        .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, new TokenRateLimiter(), problems),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**").access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"),
                AuthorityAuthorizationManager.hasAuthority(ApiScope.ADMIN.authority())))
            .anyRequest().denyAll())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "unauthenticated",
                "Authentication required", "Metrics need an admin's API token: 'Authorization: Bearer tact_…'."))
            .accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "forbidden",
                "Forbidden", "Metrics need a token with the admin role and the admin scope.")))
        .build();
  }
}
