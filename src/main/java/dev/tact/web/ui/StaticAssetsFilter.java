package dev.tact.web.ui;

import dev.tact.shared.web.EncodedBodies;
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
    boolean gzip = asset.gzipped() != null && EncodedBodies.acceptsGzip(request);
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
    if (EncodedBodies.notModified(request, etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    EncodedBodies.write(request, response, asset.contentType(), gzip ? asset.gzipped() : asset.body(), gzip);
  }

}
