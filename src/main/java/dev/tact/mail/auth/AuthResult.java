package dev.tact.mail.auth;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code method=result} of an Authentication-Results header (RFC 8601 section 2.2), e.g.
 * {@code dkim=pass header.d=example.com}.
 *
 * @param method lower case: {@code spf}, {@code dkim}, {@code dmarc}, {@code arc}, ...
 * @param result lower case: {@code pass}, {@code fail}, {@code softfail}, {@code none}, {@code temperror}, ...
 * @param reason the {@code reason=} value, or null
 * @param properties {@code ptype.property} (lower case, e.g. {@code header.d}, {@code smtp.mailfrom}) to its value,
 *     in the order written
 */
public record AuthResult(String method, String result, String reason, Map<String, String> properties) {

  public AuthResult {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  public boolean passed() {
    return "pass".equals(result);
  }

  /** The value of a property such as {@code header.d}, or null. */
  public String property(String name) {
    return properties.get(name);
  }

  /** As written in a header, without comments: {@code dkim=pass header.d=example.com}. */
  @Override
  public String toString() {
    String props = properties.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining());
    return method + "=" + result + (reason == null ? "" : " reason=\"" + reason + "\"") + props;
  }
}
