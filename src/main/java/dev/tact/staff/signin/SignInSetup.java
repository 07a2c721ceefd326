package dev.tact.staff.signin;

import dev.tact.audit.AuditLog;
import dev.tact.staff.StaffDirectory;
import java.util.Optional;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/** Puts the sign-in parts on the UI's filter chain (see {@link dev.tact.staff.SignInSecurity}). */
@Component
public class SignInSetup {

  /**
   * Where a visitor was going before the login page: kept in a cookie, not a session, so that nobody who has not
   * signed in makes a session row (the CSRF token is a cookie for the same reason).
   */
  static final RequestCache REQUEST_CACHE = new CookieRequestCache();

  private final ThrottledPasswordAuthentication passwords;
  private final SignInHandlers handlers;
  private final SingleSignOn singleSignOn;

  SignInSetup(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, SignInSteps steps,
      StaffDirectory staff, AuditLog audit, LockedRefusals refusals, SignInHandlers handlers, SingleSignOn singleSignOn) {
    this.passwords = new ThrottledPasswordAuthentication(users, encoder, throttle, steps, staff, audit, refusals);
    this.handlers = handlers;
    this.singleSignOn = singleSignOn;
  }

  private static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository(); // HttpOnly: read from forms, never scripts
    cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return cookies;
  }

  public void configure(HttpSecurity http) throws Exception {
    // This chain asks the throttled provider (and single sign-on's), never the global manager Spring Boot builds
    // from the UserDetailsService: after a refused or failed attempt nothing else may try the same password.
    http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
    http.authenticationProvider(passwords);
    http.requestCache(cache -> cache.requestCache(REQUEST_CACHE));
    http.csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()));
    // A cookie can only be set before the response is committed; a page longer than the buffer (a QR code) would
    // commit before its form asks for the token, so the token is made at the start of every request.
    http.addFilterAfter(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
          token.getToken();
        }
        chain.doFilter(request, response);
      }
    }, CsrfFilter.class);
    http.formLogin(form -> form
        .loginPage("/login")
        .successHandler(handlers)
        .failureHandler(handlers.passwordFailure())
        .permitAll());
    singleSignOn.configure(http, handlers, handlers.singleSignOnFailure());
    http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
  }

  public Optional<String> singleSignOnName() {
    return singleSignOn.displayName();
  }

  public String singleSignOnPath() {
    return SingleSignOn.START;
  }
}
