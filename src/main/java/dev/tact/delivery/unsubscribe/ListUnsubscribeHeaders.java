package dev.tact.delivery.unsubscribe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two header fields of a one-click unsubscribe (RFC 8058). DKIM must sign both, which the
 * default {@code tact.delivery.dkim.headers} do.
 *
 * @param url the https link itself, for a footer link in the mail's body
 */
public record ListUnsubscribeHeaders(String listUnsubscribe, String listUnsubscribePost, String url) {

  /** Header name to value, in order. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", listUnsubscribe);
    headers.put("List-Unsubscribe-Post", listUnsubscribePost);
    return headers;
  }
}
