package dev.tact.incident.web;

import dev.tact.incident.IncidentProperties;
import dev.tact.incident.StatusPages;
import dev.tact.incident.StatusSnapshot;
import dev.tact.shared.web.EncodedBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the status page, its JSON and its feed from the node's memory, ahead of the security chain and Spring MVC:
 * a spike of visitors costs no database work, no session and no rendering. A proxy or CDN may cache the answers
 * ({@code Cache-Control: public}); a client that has the current one gets 304. Anything else under /status (the
 * subscription forms) goes on to MVC.
 */
class StatusPageFilter extends OncePerRequestFilter {

  private static final String SECURITY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final StatusPages pages;
  private final String cacheControl;

  StatusPageFilter(StatusPages pages, IncidentProperties properties) {
    this.pages = pages;
    long seconds = properties.statusMaxAge().toSeconds();
    this.cacheControl = "public, max-age=" + seconds + ", stale-while-revalidate=" + Math.max(30, seconds * 3);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StatusSnapshot.Representation representation = representation(request);
    if (representation == null) {
      chain.doFilter(request, response);
      return;
    }
    boolean gzip = EncodedBodies.acceptsGzip(request);
    String etag = gzip ? representation.gzippedEtag() : representation.etag();
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", cacheControl);
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", SECURITY);
    response.setHeader("Referrer-Policy", "no-referrer");
    if (representation.contentType().startsWith("application/json")) {
      response.setHeader("Access-Control-Allow-Origin", "*");
    }
    if (EncodedBodies.notModified(request, etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    EncodedBodies.write(request, response, representation.contentType(),
        gzip ? representation.gzipped() : representation.body(), gzip);
  }

  private StatusSnapshot.Representation representation(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return switch (path) {
      case "/status", "/status/" -> pages.current().html();
      case "/status.json", "/status/index.json" -> pages.current().json();
      case "/status/feed.atom" -> pages.current().atom();
      default -> null;
    };
  }
}
