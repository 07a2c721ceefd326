package dev.tact.web.security;

import dev.tact.shared.web.TokenLinkChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The unsubscribe links: no login, no session, no CSRF token. Mail providers POST there without
 * cookies (RFC 8058), and the signed token in the path is the only permission a request needs.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain unsubscribe(HttpSecurity http) throws Exception {
    return TokenLinkChains.stateless(http, "/unsubscribe/**", ReferrerPolicy.SAME_ORIGIN);
  }
}
