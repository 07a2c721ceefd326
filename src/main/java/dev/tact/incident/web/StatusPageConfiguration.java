package dev.tact.incident.web;

import dev.tact.incident.IncidentProperties;
import dev.tact.incident.StatusPages;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public status door: the page itself is served by {@link StatusPageFilter} before any other filter; the
 * subscription forms under /status go through a chain with no login, no session and no CSRF token (the double
 * opt-in by email is what proves an address).
 */
@Configuration(proxyBeanMethods = false)
class StatusPageConfiguration {

  @Bean
  FilterRegistrationBean<StatusPageFilter> statusPageFilter(StatusPages pages, IncidentProperties properties) {
    FilterRegistrationBean<StatusPageFilter> registration = new FilterRegistrationBean<>(
        new StatusPageFilter(pages, properties));
    registration.addUrlPatterns("/status", "/status/", "/status.json", "/status/index.json", "/status/feed.atom");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("statusPage");
    return registration;
  }

  @Bean
  @Order(0)
  SecurityFilterChain statusChain(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/status/**", "/status", "/status.json")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> { })
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }
}
