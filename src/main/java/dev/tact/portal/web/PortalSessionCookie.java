package dev.tact.portal.web;

import dev.tact.portal.CustomerPortal;
import dev.tact.portal.PortalCustomer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The portal's own session cookie: the random secret of a portal session, sent only to /portal (HttpOnly,
 * SameSite=Lax, Secure over https). The agents' session cookie is another one, and a portal page never makes an HTTP
 * session.
 */
@Component
class PortalSessionCookie {

  static final String PATH = "/portal";
  static final String NAME = "tact_portal";

  private final CustomerPortal portal;

  PortalSessionCookie(CustomerPortal portal) {
    this.portal = portal;
  }

  /** The signed-in customer of this request, if its cookie names a session that still lasts. */
  Optional<PortalCustomer> customer(HttpServletRequest request) {
    return secret(request).flatMap(portal::customer);
  }

  Optional<String> secret(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName()))
        .map(Cookie::getValue).findFirst();
  }

  void set(HttpServletRequest request, HttpServletResponse response, String secret, Instant expiresAt) {
    write(response, ResponseCookie.from(NAME, secret).path(PATH).httpOnly(true).sameSite("Lax")
        .secure(request.isSecure()).maxAge(Duration.between(Instant.now(), expiresAt)).build());
  }

  void clear(HttpServletRequest request, HttpServletResponse response) {
    write(response, ResponseCookie.from(NAME, "").path(PATH).httpOnly(true).sameSite("Lax")
        .secure(request.isSecure()).maxAge(0).build());
  }

  private static void write(HttpServletResponse response, ResponseCookie cookie) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}
