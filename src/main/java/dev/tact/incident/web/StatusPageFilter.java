package dev.tact.incident.web;

import dev.tact.incident.IncidentProperties;
import dev.tact.incident.StatusPages;
import dev.tact.incident.StatusSnapshot;
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
    boolean gzip = acceptsGzip(request);
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
    String seen = request.getHeader("If-None-Match");
    if (seen != null && seen.contains(etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = gzip ? representation.gzipped() : representation.body();
    response.setContentType(representation.contentType());
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  /** Whether the client takes gzip (a q=0 refuses it). */
  static boolean acceptsGzip(HttpServletRequest request) {
    String accepted = request.getHeader("Accept-Encoding");
    if (accepted == null) {
      return false;
    }
    for (String coding : accepted.split(",")) {
      String[] parts = coding.strip().split(";");
      if (parts[0].strip().equalsIgnoreCase("gzip")) {
        return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
      }
    }
    return false;
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
