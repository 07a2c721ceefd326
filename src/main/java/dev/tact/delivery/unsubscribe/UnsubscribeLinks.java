package dev.tact.delivery.unsubscribe;

import dev.tact.policy.Purpose;
import java.util.UUID;

/** Builds the List-Unsubscribe headers of an outgoing mail. */
public class UnsubscribeLinks {

  private final UnsubscribeTokens tokens;
  private final String baseUrl;
  private final String mailto;

  public UnsubscribeLinks(UnsubscribeTokens tokens, String baseUrl, String mailto) {
    this.tokens = tokens;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.mailto = mailto == null || mailto.isBlank() ? null : mailto.strip();
  }

  /**
   * {@code List-Unsubscribe: <https://…/unsubscribe/{token}>} (with a mailto when configured) and
   * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}.
   */
  public ListUnsubscribeHeaders headers(UUID contactId, Purpose purpose) {
    String token = tokens.issue(contactId, purpose);
    String url = baseUrl + "/unsubscribe/" + token;
    String value = "<" + url + ">" + (mailto == null ? "" : ", <mailto:" + mailto + "?subject=unsubscribe%20" + token + ">");
    return new ListUnsubscribeHeaders(value, "List-Unsubscribe=One-Click", url);
  }
}
