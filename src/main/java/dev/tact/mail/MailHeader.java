package dev.tact.mail;

/**
 * One header field as received: its name and its unfolded value with RFC 2047 encoded words decoded.
 */
public record MailHeader(String name, String value) {

  /** Whether this field has the given name, ignoring case. */
  public boolean is(String fieldName) {
    return name.equalsIgnoreCase(fieldName);
  }
}
