package dev.tact.web.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers GET and HEAD for the static assets from memory ({@link StaticAssets}), ahead of the session, the security
 * chain and Spring MVC: a stylesheet costs no session lookup, no resource resolution and no copying from the jar.
 * The headers the security chain would write are written here (nosniff, a Content Security Policy for the file
 * itself, no framing, the referrer policy, HSTS over HTTPS); a client holding the current entity tag gets 304.
 * Any other request, or a path that is not an asset, goes on down the chain.
 */
class StaticAssetsFilter extends OncePerRequestFilter {

  private static final String SECURITY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  private static final String STRICT_TRANSPORT = "max-age=31536000 ; includeSubDomains";

  private final StaticAssets assets;

  StaticAssetsFilter(StaticAssets assets) {
    this.assets = assets;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    StaticAssets.Asset asset = "GET".equals(method) || "HEAD".equals(method)
        ? assets.find(request.getRequestURI().substring(request.getContextPath().length())) : null;
    if (asset == null) {
      chain.doFilter(request, response);
      return;
    }
    boolean gzip = asset.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
    String etag = gzip ? asset.gzippedEtag() : asset.etag();
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", asset.cacheControl());
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", SECURITY);
    response.setHeader("Referrer-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT);
    }
    String seen = request.getHeader("If-None-Match");
    if (seen != null && (seen.contains(etag) || seen.strip().equals("*"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = gzip ? asset.gzipped() : asset.body();
    response.setContentType(asset.contentType());
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(method)) {
      response.getOutputStream().write(body);
    }
  }

  /** Whether the client takes gzip (a q=0 refuses it). */
  static boolean acceptsGzip(String accepted) {
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
}
