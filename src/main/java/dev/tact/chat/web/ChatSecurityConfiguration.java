package dev.tact.chat.web;

import dev.tact.chat.ChatProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The widget's door, {@code /chat/**}: no login, no session, no CSRF token (no cookie is ever read here; the
 * visitor's token, sent explicitly, is the only permission). Pages of the sites in {@code tact.chat.allowed-origins}
 * may call it from the browser (CORS); the script itself may be loaded from anywhere.
 */
@Configuration(proxyBeanMethods = false)
class ChatSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain chatWidget(HttpSecurity http, ChatProperties properties) throws Exception {
    return http
        .securityMatcher("/chat/**")
        .csrf(csrf -> csrf.disable())
        .cors(cors -> cors.configurationSource(cors(properties.allowedOrigins())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> { })
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .build();
  }

  static UrlBasedCorsConfigurationSource cors(List<String> origins) {
    CorsConfiguration config = new CorsConfiguration();
    if (origins.contains("*")) {
      config.setAllowedOriginPatterns(List.of("*"));
    } else {
      config.setAllowedOrigins(origins);
    }
    config.setAllowedMethods(List.of("GET", "POST"));
    config.setAllowedHeaders(List.of("Content-Type", "X-Chat-Token", "Last-Event-ID"));
    config.setExposedHeaders(List.of("Retry-After"));
    config.setAllowCredentials(false);
    config.setMaxAge(600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/chat/api/**", config);
    return source;
  }
}
