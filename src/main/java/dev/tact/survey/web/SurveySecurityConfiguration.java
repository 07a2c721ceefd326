package dev.tact.survey.web;

import dev.tact.shared.web.ContentSecurityPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public survey page: no login, no session, no CSRF token; the unguessable token in the path is the only
 * permission, and the referrer never carries it to another site.
 */
@Configuration(proxyBeanMethods = false)
class SurveySecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain surveyPage(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/survey/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.ui(false)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }
}
