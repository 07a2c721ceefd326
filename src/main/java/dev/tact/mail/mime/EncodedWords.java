package dev.tact.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words leniently: adjacent words are joined (also when a multi-byte character is split
 * between them), words glued to text or placed inside quotes are decoded, unknown charsets are guessed, broken
 * Base64 and stray characters in Q text are tolerated. Never throws.
 */
public final class EncodedWords {

  private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,60})\\?([bBqQ])\\?([^?]*?)\\?=");

  private EncodedWords() {
  }

  /** The text with every encoded word decoded; null stays null. */
  public static String decode(String text) {
    if (text == null || !text.contains("=?")) {
      return text;
    }
    Matcher matcher = WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    String pendingCharset = null;
    while (matcher.find()) {
      String between = text.substring(last, matcher.start());
      boolean adjacent = pendingCharset != null && between.isBlank();
      String charset = stripLanguage(matcher.group(1));
      if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        if (!adjacent) {
          out.append(between);
        }
      }
      byte[] bytes = Character.toUpperCase(matcher.group(2).charAt(0)) == 'B'
          ? Base64Lenient.decode(matcher.group(3))
          : decodeQ(matcher.group(3));
      pending.write(bytes, 0, bytes.length);
      pendingCharset = charset;
      last = matcher.end();
    }
    flush(out, pending, pendingCharset);
    out.append(text, last, text.length());
    return out.toString();
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
    if (charset == null || pending.size() == 0) {
      pending.reset();
      return;
    }
    byte[] bytes = pending.toByteArray();
    out.append(Charsets.decode(bytes, 0, bytes.length, charset, null));
    pending.reset();
  }

  private static String stripLanguage(String charset) {
    int star = charset.indexOf('*');
    return star > 0 ? charset.substring(0, star) : charset;
  }

  private static byte[] decodeQ(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        out.write(Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
      }
    }
    return out.toByteArray();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }
}
