package dev.tact.sms.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The inbound webhooks ({@code /hooks/**}): no login, no session, no CSRF token. Providers post there without
 * cookies; each request's signature (checked by the controller, before anything is stored) is its only permission.
 */
@Configuration(proxyBeanMethods = false)
class HooksSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain inboundHooks(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/hooks/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }
}
