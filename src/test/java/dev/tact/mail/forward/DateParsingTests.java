package dev.tact.mail.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParsingTests {

  @Test
  void shouldDropATrailingCommentBeforeReadingTheDate() {
    assertThat(DateParsing.parse("Mon, 6 Jan 2025 09:14:00 +0100 (CET)"))
        .isEqualTo(Instant.parse("2025-01-06T08:14:00Z"));
    assertThat(DateParsing.parse("6 Jan 2025 09:14 +0100  (Central European Time) \n"))
        .isEqualTo(Instant.parse("2025-01-06T08:14:00Z"));
  }

  @Test
  void shouldGiveNullForALongRunOfUnclosedParenthesesAfterTheDate() {
    // the comment's pattern once read from each "(" and space of such a run to the value's end (seconds)
    assertThat(DateParsing.parse("Mon, 6 Jan 2025 09:14:00 +0100" + " (".repeat(9_500))).isNull();
  }
}
