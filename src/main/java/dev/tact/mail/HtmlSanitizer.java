package dev.tact.mail;

import dev.tact.mail.html.SafeHtml;
import java.util.function.Function;

/**
 * Makes an HTML mail body safe to embed in a Tact page: scripts, event handlers, javascript: URLs, styles with
 * url(), forms, iframes and objects are removed; links get {@code rel="noopener noreferrer nofollow"} and open in
 * a new tab; remote (http/https) images are replaced by a placeholder with their alt text unless allowed; cid:
 * images are mapped through {@code cidToUrl} (a content id without brackets to a Tact URL; null removes the image).
 */
public final class HtmlSanitizer {

  private HtmlSanitizer() {
  }

  /** The sanitised HTML fragment; "" for null or blank input. */
  public static String sanitize(String html, boolean allowRemoteImages, Function<String, String> cidToUrl) {
    return SafeHtml.sanitize(html, allowRemoteImages, cidToUrl);
  }
}
