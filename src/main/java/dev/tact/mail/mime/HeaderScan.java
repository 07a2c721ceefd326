package dev.tact.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Cheap looks at the header block of raw bytes without parsing MIME: whether the input looks like mail at all,
 * and a single header's value.
 */
public final class HeaderScan {

  private static final int SCAN_LIMIT = 1024 * 1024;

  private HeaderScan() {
  }

  /** Null when the input starts with a header block; otherwise the reason it is not mail. */
  public static String whyNotMail(byte[] raw) {
    int start = skipMboxLine(raw);
    int lineEnd = lineEnd(raw, start);
    if (start >= raw.length || lineEnd == start) {
      return "no header block: the message starts with an empty line";
    }
    if (!isFieldLine(raw, start, lineEnd)) {
      return "no header block: the first line is not a header field";
    }
    int end = headerEnd(raw, start);
    int controls = 0;
    for (int i = start; i < end; i++) {
      int b = raw[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' || b == 0x7f) {
        controls++;
      }
    }
    if (controls * 20 > end - start) {
      return "binary data, not mail: " + controls + " control bytes in a header block of " + (end - start);
    }
    return null;
  }

  /** The unfolded value of the first header with this name in the header block, or null. Never throws. */
  public static String firstValue(byte[] raw, String name) {
    if (raw == null) {
      return null;
    }
    byte[] wanted = (name.toLowerCase(Locale.ROOT) + ":").getBytes(StandardCharsets.US_ASCII);
    int end = headerEnd(raw, skipMboxLine(raw));
    int i = skipMboxLine(raw);
    while (i < end) {
      int lineEnd = lineEnd(raw, i);
      if (startsWithIgnoreCase(raw, i, lineEnd, wanted)) {
        int valueEnd = lineEnd;
        while (valueEnd < end) {
          int next = nextLine(raw, valueEnd);
          if (next >= end || raw[next] != ' ' && raw[next] != '\t') {
            break;
          }
          valueEnd = lineEnd(raw, next);
        }
        int from = i + wanted.length;
        return RawHeader.unfold(Charsets.decodeHeaderBytes(raw, from, valueEnd - from)).strip();
      }
      i = nextLine(raw, lineEnd);
    }
    return null;
  }

  private static boolean startsWithIgnoreCase(byte[] raw, int from, int to, byte[] prefix) {
    int nameEnd = from;
    while (nameEnd < to && raw[nameEnd] != ':') {
      nameEnd++;
    }
    // allow obsolete white space before the colon
    int trimmed = nameEnd;
    while (trimmed > from && (raw[trimmed - 1] == ' ' || raw[trimmed - 1] == '\t')) {
      trimmed--;
    }
    if (nameEnd >= to || trimmed - from != prefix.length - 1) {
      return false;
    }
    for (int k = 0; k < prefix.length - 1; k++) {
      if (Character.toLowerCase(raw[from + k]) != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /** Where the message starts after an mbox "From " line, if there is one. */
  static int skipMboxLine(byte[] raw) {
    if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
      return nextLine(raw, lineEnd(raw, 0));
    }
    return 0;
  }

  private static boolean isFieldLine(byte[] raw, int from, int to) {
    int i = from;
    while (i < to && raw[i] > 0x20 && raw[i] < 0x7f && raw[i] != ':') {
      i++;
    }
    if (i == from || i - from > 200) {
      return false;
    }
    while (i < to && (raw[i] == ' ' || raw[i] == '\t')) {
      i++;
    }
    return i < to && raw[i] == ':';
  }

  /** Index of the end of the header block (the empty line, or a scan limit, or the end of input). */
  private static int headerEnd(byte[] raw, int start) {
    int limit = Math.min(raw.length, start + SCAN_LIMIT);
    int i = start;
    while (i < limit) {
      int lineEnd = lineEnd(raw, i);
      if (lineEnd == i) {
        return i;
      }
      i = nextLine(raw, lineEnd);
    }
    return limit;
  }

  /** Index of the CR or LF ending the line that starts at {@code from} (or the input's end). */
  private static int lineEnd(byte[] raw, int from) {
    int i = from;
    while (i < raw.length && raw[i] != '\n' && raw[i] != '\r') {
      i++;
    }
    return i;
  }

  private static int nextLine(byte[] raw, int lineEnd) {
    if (lineEnd < raw.length && raw[lineEnd] == '\r') {
      lineEnd++;
    }
    if (lineEnd < raw.length && raw[lineEnd] == '\n') {
      lineEnd++;
    }
    return lineEnd;
  }
}
