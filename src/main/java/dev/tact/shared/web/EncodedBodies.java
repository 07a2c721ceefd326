package dev.tact.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers from bodies encoded ahead of time (a plain and a gzipped copy, each with its entity tag), for the filters
 * that serve from memory before the security chain: the status page and the static assets.
 */
public final class EncodedBodies {

  private EncodedBodies() {}

  /** Whether the client takes gzip (a q=0 refuses it). */
  public static boolean acceptsGzip(HttpServletRequest request) {
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

  /** Whether the client already holds this entity tag (If-None-Match names it, or any with {@code *}). */
  public static boolean notModified(HttpServletRequest request, String etag) {
    String seen = request.getHeader("If-None-Match");
    return seen != null && (seen.contains(etag) || seen.strip().equals("*"));
  }

  /** Writes the body (gzipped when {@code gzip}) with its type and length; a HEAD request gets the headers only. */
  public static void write(HttpServletRequest request, HttpServletResponse response, String contentType, byte[] body,
      boolean gzip) throws IOException {
    response.setContentType(contentType);
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }
}
