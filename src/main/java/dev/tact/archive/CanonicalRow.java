package dev.tact.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Writes one row of a table file as UTF-8 bytes, the same bytes {@link CanonicalJson} describes (a JSON array on one
 * line), without building a {@code String} per row or encoding characters through a {@code Writer}: the export's
 * hottest path.
 */
final class CanonicalRow {

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
      .getBytes(StandardCharsets.US_ASCII);
  private static final long FIRST_FAST_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
  private static final long LAST_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

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
    if (value == null) {
      nullValue();
      return;
    }
    // a lone surrogate becomes '?', as the Writer this replaced did
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    utf8(utf8, 0, utf8.length);
  }

  /** Text already in UTF-8 (as PostgreSQL sends it), escaped as {@link #string}. */
  void utf8(byte[] utf8, int offset, int count) {
    separator();
    ensure(count + 2);
    line[length++] = '"';
    int end = offset + count;
    int clean = offset;
    while (clean < end && !needsEscape(utf8[clean])) {
      clean++;
    }
    System.arraycopy(utf8, offset, line, length, clean - offset);
    length += clean - offset;
    for (int i = clean; i < end; i++) {
      byte b = utf8[i];
      if (needsEscape(b)) {
        ascii(CanonicalJson.escape((char) b));
      } else {
        put(b);
      }
    }
    put((byte) '"');
  }

  /**
   * An instant as {@code DateTimeFormatter.ISO_INSTANT} writes it (seconds always, a fraction of 3, 6 or 9 digits
   * when there is one), digit by digit for the years 1000 to 9999, through the formatter otherwise.
   */
  void instant(long epochSecond, int nano) {
    long days = Math.floorDiv(epochSecond, 86_400);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    if (days < FIRST_FAST_DAY || days > LAST_FAST_DAY) {
      safeString(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond, nano)));
      return;
    }
    LocalDate date = LocalDate.ofEpochDay(days);
    separator();
    ensure(32);
    line[length++] = '"';
    digits(date.getYear(), 4);
    line[length++] = '-';
    digits(date.getMonthValue(), 2);
    line[length++] = '-';
    digits(date.getDayOfMonth(), 2);
    line[length++] = 'T';
    digits(secondOfDay / 3600, 2);
    line[length++] = ':';
    digits(secondOfDay / 60 % 60, 2);
    line[length++] = ':';
    digits(secondOfDay % 60, 2);
    if (nano > 0) {
      line[length++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        digits(nano / 1000, 6);
      } else {
        digits(nano, 9);
      }
    }
    line[length++] = 'Z';
    line[length++] = '"';
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
    if (value == null) {
      nullValue();
      return;
    }
    uuid(value.getMostSignificantBits(), value.getLeastSignificantBits());
  }

  /** A UUID from its two halves (as PostgreSQL sends it: 16 bytes, most significant first). */
  void uuid(long msb, long lsb) {
    separator();
    ensure(38);
    line[length++] = '"';
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
    if (value == null) {
      nullValue();
      return;
    }
    base64(value, 0, value.length);
  }

  /** Bytes in base64 with padding, no line breaks. */
  void base64(byte[] bytes, int offset, int count) {
    separator();
    int encoded = 4 * ((count + 2) / 3);
    ensure(encoded + 2);
    line[length++] = '"';
    int end = offset + count;
    int whole = offset + count / 3 * 3;
    int i = offset;
    for (; i < whole; i += 3) {
      int bits = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
      line[length++] = BASE64[bits >>> 18];
      line[length++] = BASE64[bits >>> 12 & 0x3F];
      line[length++] = BASE64[bits >>> 6 & 0x3F];
      line[length++] = BASE64[bits & 0x3F];
    }
    if (i < end) {
      int bits = (bytes[i] & 0xFF) << 16 | (i + 1 < end ? (bytes[i + 1] & 0xFF) << 8 : 0);
      line[length++] = BASE64[bits >>> 18];
      line[length++] = BASE64[bits >>> 12 & 0x3F];
      line[length++] = i + 1 < end ? BASE64[bits >>> 6 & 0x3F] : (byte) '=';
      line[length++] = '=';
    }
    line[length++] = '"';
  }

  private static boolean needsEscape(byte b) {
    // bytes of multi-byte UTF-8 sequences are negative here, never a quote, a backslash or a control character
    return (b >= 0 && b < 0x20) || b == '"' || b == '\\';
  }

  /** A non-negative number in exactly {@code count} digits, zeros in front. */
  private void digits(int value, int count) {
    for (int i = length + count - 1; i >= length; i--) {
      line[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += count;
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
