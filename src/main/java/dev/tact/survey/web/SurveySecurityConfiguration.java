package dev.tact.survey.web;

import dev.tact.shared.web.TokenLinkChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
    return TokenLinkChains.stateless(http, "/survey/**", ReferrerPolicy.NO_REFERRER);
  }
}
