package dev.tact.mail.mime;

import java.util.Arrays;

/** Base64 decoding that skips characters outside the alphabet and tolerates missing or early padding. */
public final class Base64Lenient {

  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = i;
    }
    VALUES['-'] = 62;
    VALUES['_'] = 63;
  }

  private Base64Lenient() {
  }

  /** Decodes what can be decoded; a trailing partial group of one character is dropped. */
  public static byte[] decode(String text) {
    byte[] out = new byte[text.length() * 3 / 4 + 3];
    int length = 0;
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break;
      }
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        continue;
      }
      buffer = buffer << 6 | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[length++] = (byte) (buffer >> bits);
        buffer &= (1 << bits) - 1;
      }
    }
    return Arrays.copyOf(out, length);
  }
}
