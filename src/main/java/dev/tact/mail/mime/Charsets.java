package dev.tact.mail.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns bytes of mail into text whatever the sender declared: unknown or missing charsets fall back to a guess
 * (UTF-8 when the bytes are valid UTF-8, else windows-1252), invalid bytes become U+FFFD, nothing throws.
 */
public final class Charsets {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Labels seen in the wild that Java does not know, or for which a superset decodes real mail better. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("utf8", "UTF-8"),
      Map.entry("utf-8", "UTF-8"),
      Map.entry("unicode-1-1-utf-8", "UTF-8"),
      Map.entry("us-ascii", "windows-1252"),
      Map.entry("ascii", "windows-1252"),
      Map.entry("ansi_x3.4-1968", "windows-1252"),
      Map.entry("iso-8859-1", "windows-1252"),
      Map.entry("iso8859-1", "windows-1252"),
      Map.entry("iso_8859-1", "windows-1252"),
      Map.entry("latin1", "windows-1252"),
      Map.entry("latin-1", "windows-1252"),
      Map.entry("iso-8859-8-i", "ISO-8859-8"),
      Map.entry("ks_c_5601-1987", "x-windows-949"),
      Map.entry("ks_c_5601", "x-windows-949"),
      Map.entry("gb2312", "GBK"),
      Map.entry("gb_2312-80", "GBK"),
      Map.entry("x-gbk", "GBK"),
      Map.entry("cp-850", "IBM850"),
      Map.entry("x-sjis", "Shift_JIS"),
      Map.entry("x-euc-jp", "EUC-JP"));

  private Charsets() {
  }

  /** The charset for a declared label, or null when the label is absent or unknown. */
  public static Charset lookup(String label) {
    if (label == null) {
      return null;
    }
    String name = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return null;
    }
    name = ALIASES.getOrDefault(name, name);
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Decodes bytes that were declared in {@code declared} (may be null). Unknown labels and undeclared 8-bit
   * text are guessed; problems are added to {@code defects} (which may be null).
   */
  public static String decode(byte[] bytes, int offset, int length, String declared, List<String> defects) {
    Charset charset = lookup(declared);
    if (declared != null && !declared.isBlank() && charset == null && defects != null) {
      defects.add("unknown charset '" + declared.trim() + "', guessed");
    }
    boolean ascii = isAscii(bytes, offset, length);
    if (ascii) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    if (charset == null || charset.equals(WINDOWS_1252) && isDeclaredAscii(declared)) {
      charset = isUtf8(bytes, offset, length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }
    return decodeLeniently(bytes, offset, length, charset, defects);
  }

  /** {@link #decode(byte[], int, int, String, List)} over the whole array. */
  public static String decode(byte[] bytes, String declared, List<String> defects) {
    return decode(bytes, 0, bytes.length, declared, defects);
  }

  private static boolean isDeclaredAscii(String declared) {
    return declared == null || declared.trim().replace("\"", "").toLowerCase(Locale.ROOT).contains("ascii");
  }

  private static String decodeLeniently(byte[] bytes, int offset, int length, Charset charset,
      List<String> defects) {
    CharsetDecoder strict = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      if (defects != null) {
        defects.add("invalid bytes for charset " + charset.name() + " replaced");
      }
      try {
        return charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
      } catch (CharacterCodingException impossible) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
      }
    } catch (RuntimeException e) {
      // some JDK decoders for exotic charsets fail on odd input instead of reporting it
      if (defects != null) {
        defects.add("charset " + charset.name() + " failed, read as windows-1252");
      }
      return new String(bytes, offset, length, WINDOWS_1252);
    }
  }

  /** Whether every byte is 7-bit. */
  public static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes are well-formed UTF-8 (shortest forms, no surrogates). */
  public static boolean isUtf8(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int extra;
      int min;
      if (b >= 0xc2 && b <= 0xdf) {
        extra = 1;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        extra = 2;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        extra = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + extra >= end) {
        return false;
      }
      int codePoint = b & (0x3f >> extra);
      for (int k = 1; k <= extra; k++) {
        int c = bytes[i + k] & 0xff;
        if ((c & 0xc0) != 0x80) {
          return false;
        }
        codePoint = codePoint << 6 | c & 0x3f;
      }
      if (codePoint < min || codePoint > 0x10ffff || codePoint >= 0xd800 && codePoint <= 0xdfff) {
        return false;
      }
      i += extra + 1;
    }
    return true;
  }

  /** Bytes of header text as read off the wire: UTF-8 when valid, else windows-1252. */
  public static String decodeHeaderBytes(byte[] bytes, int offset, int length) {
    return decode(bytes, offset, length, null, null);
  }
}
