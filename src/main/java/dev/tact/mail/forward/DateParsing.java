package dev.tact.mail.forward;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a forwarded date when it carries an offset (RFC 5322 or ISO 8601); anything else gives null. */
final class DateParsing {

  private DateParsing() {
  }

  static Instant parse(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    String value = written.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }
}
