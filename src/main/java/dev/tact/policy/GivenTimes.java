package dev.tact.policy;

import dev.tact.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a time something happened outside Tact (consent given on paper, a call made from a desk phone, a
 * purchase): not in the future (five minutes of clock difference allowed), and not before 1990, before any of the
 * rules here existed (the TCPA is from 1991), which is a typing error rather than a record.
 */
final class GivenTimes {

  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Duration SKEW = Duration.ofMinutes(5);

  private GivenTimes() {}

  /** The instant, or {@code now} when none is given; a 422 naming the field otherwise. */
  static Instant check(String field, Instant given, Instant now) {
    if (given == null) {
      return now;
    }
    if (given.isAfter(now.plus(SKEW))) {
      throw ProblemException.invalid("invalid-" + kebab(field), field + " " + given
          + " is in the future: give the time it happened.");
    }
    if (given.isBefore(EARLIEST)) {
      throw ProblemException.invalid("invalid-" + kebab(field), field + " " + given
          + " is before 1990: give the time it happened.");
    }
    return given;
  }

  private static String kebab(String field) {
    return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
