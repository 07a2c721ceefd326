package dev.tact.mail.forward;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads a forwarded date when it carries an offset (RFC 5322 or ISO 8601); anything else gives null. */
final class DateParsing {

  private static final DateTimeFormatter RFC_5322_WITHOUT_WEEKDAY =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] xx", Locale.ENGLISH);

  private DateParsing() {
  }

  static Instant parse(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    String value = withoutTrailingComment(written).strip();
    try {
      // the weekday is dropped: clients get it wrong, and it adds nothing to the instant
      String withoutWeekday = value.replaceFirst("^\\p{L}{2,9},?\\s+(?=\\d)", "");
      return ZonedDateTime.parse(withoutWeekday, RFC_5322_WITHOUT_WEEKDAY).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  /**
   * The value without a trailing comment ("... +0100 (CET)") and the white space before it: what the pattern
   * {@code \s*\([^)]*\)\s*$} removed, read in one pass from the end. The pattern was tried from every "(" and
   * every space of a long run of them, each time to the end of the value (19,000 characters: seconds).
   */
  static String withoutTrailingComment(String value) {
    int end = value.length();
    while (end > 0 && isSpace(value.charAt(end - 1))) {
      end--;
    }
    if (end == 0 || value.charAt(end - 1) != ')') {
      return value;
    }
    int open = value.indexOf('(', value.lastIndexOf(')', end - 2) + 1);
    if (open < 0 || open >= end - 1) {
      return value;
    }
    while (open > 0 && isSpace(value.charAt(open - 1))) {
      open--;
    }
    return value.substring(0, open);
  }

  /** White space as {@code \s} reads it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
