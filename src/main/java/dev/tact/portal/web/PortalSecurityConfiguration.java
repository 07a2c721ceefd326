package dev.tact.portal.web;

import dev.tact.shared.web.ContentSecurityPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The customer portal's door: open to anyone (a page itself asks for the portal's session, see
 * {@link PortalSessionCookie}), never the staff sign-in, and no HTTP session at all, so that a customer never gets a
 * row in the agents' session table. CSRF tokens are kept in a cookie of the portal's own (path /portal, HttpOnly,
 * SameSite=Strict) and checked on every POST; the token is made on every page, so that each form can carry it.
 * No Referer leaves a portal page: the link's secret is in the path of the page that asks to sign in.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

  static final String CSRF_COOKIE = "tact_portal_csrf";

  @Bean
  @Order(0)
  SecurityFilterChain portal(HttpSecurity http) throws Exception {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setCookiePath(PortalSessionCookie.PATH);
    tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
    XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
    handler.setCsrfRequestAttributeName(null); // load the token on every request: its cookie is set before the page
    return http
        .securityMatcher(PortalSessionCookie.PATH + "/**", PortalSessionCookie.PATH)
        .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(handler))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.ui(false)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }
}
