package dev.tact.mail.mime;

import java.util.Locale;

/**
 * A header field as read: its name and its unfolded value with the bytes read as UTF-8 (or windows-1252 when
 * not valid UTF-8), encoded words not yet decoded (address parsing must see them encoded).
 */
public record RawHeader(String name, String value) {

  /** Parses one raw field (name, colon, folded value); null when the line is not a field. */
  public static RawHeader of(byte[] bytes) {
    int colon = -1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == ':') {
        colon = i;
        break;
      }
      if (bytes[i] == '\n') {
        break;
      }
    }
    if (colon <= 0) {
      return null;
    }
    String name = Charsets.decodeHeaderBytes(bytes, 0, colon).strip();
    if (name.isEmpty()) {
      return null;
    }
    String value = Charsets.decodeHeaderBytes(bytes, colon + 1, bytes.length - colon - 1);
    return new RawHeader(name, unfold(value).strip());
  }

  /** Removes line breaks of folded headers (keeping the white space that follows them). */
  public static String unfold(String value) {
    if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return value.replace("\r\n", "").replace("\n", "").replace("\r", "");
  }

  /** Whether this field has the given name, ignoring case. */
  public boolean is(String fieldName) {
    return name.equalsIgnoreCase(fieldName);
  }

  /** The lower-cased name. */
  public String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }
}
