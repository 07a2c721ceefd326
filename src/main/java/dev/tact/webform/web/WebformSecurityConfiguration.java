package dev.tact.webform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public forms: no login, no session, no CSRF token (a page on another site posts here, and the signed ticket the
 * form carries is what a request must show). Each page sets its own Content-Security-Policy: the embeddable page
 * names the origins that may frame it, every other page none.
 */
@Configuration(proxyBeanMethods = false)
class WebformSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain webFormChain(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/forms/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> { })
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers
            .frameOptions(frame -> frame.disable())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }
}
