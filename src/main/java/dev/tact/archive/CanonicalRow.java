package dev.tact.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes one row of a table file as UTF-8 bytes, the same bytes {@link CanonicalJson} describes (a JSON array on one
 * line), without building a {@code String} per row or encoding characters through a {@code Writer}: the export's
 * hottest path.
 */
final class CanonicalRow {

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] line = new byte[1024];
  private int length;
  private boolean first = true;

  void startRow() {
    length = 0;
    put((byte) '[');
    first = true;
  }

  void endRow() {
    ensure(2);
    line[length++] = ']';
    line[length++] = '\n';
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(line, 0, length);
  }

  void nullValue() {
    separator();
    put(NULL, 0, NULL.length);
  }

  void integer(long value) {
    separator();
    if (value < 0) {
      ascii(Long.toString(value));
      return;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensure(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      line[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
  }

  /** A JSON literal (a number, true, false) as given. */
  void literal(String literal) {
    separator();
    ascii(literal);
  }

  /** Text: UTF-8, escaping only the quote, the backslash and control characters (as {@link CanonicalJson#quote}). */
  void string(String value) {
    separator();
    if (value == null) {
      put(NULL, 0, NULL.length);
      return;
    }
    // a lone surrogate becomes '?', as the Writer this replaced did
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    ensure(utf8.length + 2);
    line[length++] = '"';
    int clean = 0;
    while (clean < utf8.length && !needsEscape(utf8[clean])) {
      clean++;
    }
    System.arraycopy(utf8, 0, line, length, clean);
    length += clean;
    for (int i = clean; i < utf8.length; i++) {
      byte b = utf8[i];
      if (needsEscape(b)) {
        ascii(CanonicalJson.escape((char) b));
      } else {
        put(b);
      }
    }
    put((byte) '"');
  }

  /** A string known to need no escaping (ISO times): appended without looking at each character. */
  void safeString(String value) {
    separator();
    if (value == null) {
      put(NULL, 0, NULL.length);
      return;
    }
    ensure(value.length() + 2);
    line[length++] = '"';
    ascii(value);
    line[length++] = '"';
  }

  /** A UUID in its usual lower-case form, digit by digit (as {@code UUID.toString()} writes it). */
  void uuid(java.util.UUID value) {
    separator();
    if (value == null) {
      put(NULL, 0, NULL.length);
      return;
    }
    ensure(38);
    line[length++] = '"';
    long msb = value.getMostSignificantBits();
    long lsb = value.getLeastSignificantBits();
    hex(msb >>> 32, 8);
    line[length++] = '-';
    hex(msb >>> 16, 4);
    line[length++] = '-';
    hex(msb, 4);
    line[length++] = '-';
    hex(lsb >>> 48, 4);
    line[length++] = '-';
    hex(lsb, 12);
    line[length++] = '"';
  }

  void base64(byte[] value) {
    separator();
    if (value == null) {
      put(NULL, 0, NULL.length);
      return;
    }
    byte[] encoded = Base64.getEncoder().encode(value);
    ensure(encoded.length + 2);
    line[length++] = '"';
    put(encoded, 0, encoded.length);
    line[length++] = '"';
  }

  private static boolean needsEscape(byte b) {
    // bytes of multi-byte UTF-8 sequences are negative here, never a quote, a backslash or a control character
    return (b >= 0 && b < 0x20) || b == '"' || b == '\\';
  }

  private void hex(long bits, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      line[length++] = HEX[(int) (bits >>> shift) & 0xF];
    }
  }

  private void ascii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    put(bytes, 0, bytes.length);
  }

  private void separator() {
    if (!first) {
      put((byte) ',');
    }
    first = false;
  }

  private void put(byte b) {
    ensure(1);
    line[length++] = b;
  }

  private void put(byte[] bytes, int offset, int count) {
    ensure(count);
    System.arraycopy(bytes, offset, line, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + more));
    }
  }
}
