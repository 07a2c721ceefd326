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
    String value = written.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
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
}
