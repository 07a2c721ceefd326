package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parked-item page says why in words; the Java class name stays in the technical detail. */
class FailureReasonTests {

  @Test
  void shouldGiveTheSentenceOfTactsOwnErrorWithoutTheClassName() {
    FailureReason reason = FailureReason.of("UnreadableItemException: The email names no sender address.", 1);

    assertThat(reason.words()).isEqualTo("The email names no sender address.");
    assertThat(reason.detail()).isEqualTo("UnreadableItemException: The email names no sender address.");
  }

  @Test
  void shouldSumUpAnUnexpectedErrorAndKeepItAsTheDetail() {
    FailureReason reason = FailureReason.of(
        "DataIntegrityViolationException: PreparedStatementCallback; SQL [INSERT INTO conv_message ...]", 5);

    assertThat(reason.words()).startsWith("Tact could not process it: an unexpected error, on each of 5 attempts.")
        .doesNotContain("Exception");
    assertThat(reason.detail()).startsWith("DataIntegrityViolationException: PreparedStatementCallback");
    assertThat(FailureReason.of("java.lang.NullPointerException: null", 1).words())
        .contains("on the first attempt").doesNotContain("NullPointer");
  }

  @Test
  void shouldShowTextThatNamesNoErrorTypeAsItIs() {
    assertThat(FailureReason.of("The mailbox was deleted.", 1)).isEqualTo(
        new FailureReason("The mailbox was deleted.", null));
    assertThat(FailureReason.of(null, 0).words()).isEqualTo("No reason was recorded.");
  }
}
