package dev.tact.webform;

import java.util.Map;

/**
 * A form as a customer sent it (the page's fields, or the same names as JSON).
 *
 * @param extra the form's extra fields by key
 * @param ticket the signed ticket the page carried
 * @param nonce what the page's script found for the ticket's challenge
 * @param website the honeypot: hidden from people, filled in by scripts that fill in everything
 */
public record FormInput(String name, String email, String phone, String subject, String message,
    Map<String, String> extra, String ticket, String nonce, String website) {

  public FormInput {
    extra = extra == null ? Map.of() : Map.copyOf(extra.entrySet().stream().filter(e -> e.getKey() != null
        && e.getValue() != null).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
