package dev.tact.web.security;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.StaffDirectory;
import dev.tact.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two doors: the API (stateless, Bearer tokens, Problem Details for 401/403) and the agent UI
 * (form login, session, CSRF). Health, metrics and the API documentation are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable()) // no cookies on this door: a token must be sent explicitly
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "unauthenticated",
                "Authentication required", "Send an API token as 'Authorization: Bearer tact_…'."))
            .accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "forbidden",
                "Forbidden", "This token's role may not do this.")))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain ui(HttpSecurity http, StaffDirectory staff) throws Exception {
    return http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
            // one-time links (their secret is the permission) and asking for a reset link
            .requestMatchers("/invitation/*", "/password-reset", "/password-reset/*", "/setup/*").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/admin/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.ui(false))))
        .httpBasic(basic -> basic.disable())
        .addFilterBefore(new CurrentAgentFilter(staff), AuthorizationFilter.class)
        .build();
  }
}
