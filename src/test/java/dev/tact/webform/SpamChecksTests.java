package dev.tact.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The checks a sent form passes before anything is stored: ticket signature, time to submit, honeypot, work. */
class SpamChecksTests {

  private static final Instant ISSUED = Instant.parse("2026-12-06T10:00:00Z");
  private final TicketCodec codec = new TicketCodec("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
  private final SpamChecks checks = new SpamChecks(codec, Duration.ofSeconds(3), Duration.ofHours(2));

  @Test
  void shouldAcceptASolvedTicketSentAfterTheMinimumTime() {
    FormTicket ticket = codec.issue("contact", ISSUED, 8);
    String nonce = TicketCodec.solve(ticket.challenge(), 8);

    FormTicket checked = checks.check("contact", ticket.token(), nonce, "", ISSUED.plusSeconds(4));

    assertThat(checked.id()).isEqualTo(ticket.id());
    assertThat(checked.bits()).isEqualTo(8);
  }

  @Test
  void shouldRefuseAFormSentFasterThanAPersonTypes() {
    FormTicket ticket = codec.issue("contact", ISSUED, 4);
    String nonce = TicketCodec.solve(ticket.challenge(), 4);

    assertThatThrownBy(() -> checks.check("contact", ticket.token(), nonce, "", ISSUED.plusMillis(2_900)))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("sent-too-fast"));
  }

  @Test
  void shouldRefuseAnExpiredTicket() {
    FormTicket ticket = codec.issue("contact", ISSUED, 4);
    String nonce = TicketCodec.solve(ticket.challenge(), 4);

    assertThatThrownBy(() -> checks.check("contact", ticket.token(), nonce, "", ISSUED.plus(Duration.ofMinutes(121))))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("ticket-expired"));
  }

  @Test
  void shouldRefuseAFilledHoneypotWhateverElseIsRight() {
    FormTicket ticket = codec.issue("contact", ISSUED, 4);
    String nonce = TicketCodec.solve(ticket.challenge(), 4);

    assertThatThrownBy(() -> checks.check("contact", ticket.token(), nonce, "http://spam.example", ISSUED.plusSeconds(60)))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("looks-automated"));
  }

  @Test
  void shouldRefuseAWrongOrMissingProofOfWork() {
    FormTicket ticket = codec.issue("contact", ISSUED, 12);
    String wrong = firstNonceThatFails(ticket.challenge(), 12);

    for (String nonce : new String[] {wrong, null, "", "12a", "1".repeat(21)}) {
      assertThatThrownBy(() -> checks.check("contact", ticket.token(), nonce, null, ISSUED.plusSeconds(10)))
          .as("nonce %s", nonce)
          .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("proof-of-work-missing"));
    }
  }

  @Test
  void shouldRefuseATicketChangedSignedByAnotherKeyOrForAnotherForm() {
    FormTicket ticket = codec.issue("contact", ISSUED, 0);
    String fewerBits = ticket.token().replace(".contact." + ISSUED.toEpochMilli() + ".0.",
        ".contact." + ISSUED.toEpochMilli() + ".1.");
    String earlier = ticket.token().replace("." + ISSUED.toEpochMilli() + ".", "." + (ISSUED.toEpochMilli() - 60_000) + ".");
    FormTicket foreign = new TicketCodec("x".repeat(32).getBytes(StandardCharsets.US_ASCII)).issue("contact", ISSUED, 0);
    FormTicket otherForm = codec.issue("returns", ISSUED, 0);

    for (String token : new String[] {fewerBits, earlier, foreign.token(), otherForm.token(), "garbage", null}) {
      assertThatThrownBy(() -> checks.check("contact", token, "0", null, ISSUED.plusSeconds(10)))
          .as("token %s", token)
          .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("invalid-ticket"));
    }
  }

  @Test
  void shouldCountLeadingZeroBitsAcrossBytes() {
    assertThat(TicketCodec.leadingZeroBits(new byte[] {0, 0, 0x10, 1})).isEqualTo(19);
    assertThat(TicketCodec.leadingZeroBits(new byte[] {(byte) 0x80, 0})).isZero();
    assertThat(TicketCodec.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
  }

  @Test
  void shouldFindANonceWhoseHashStartsWithTheAskedZeroBits() {
    String nonce = TicketCodec.solve("abc", 10);

    byte[] hash = TicketCodec.sha256(("abc" + nonce).getBytes(StandardCharsets.US_ASCII));
    assertThat(TicketCodec.leadingZeroBits(hash)).isGreaterThanOrEqualTo(10);
    assertThat(TicketCodec.solved("abc", nonce, 10)).isTrue();
  }

  private static String firstNonceThatFails(String challenge, int bits) {
    for (long n = 0; ; n++) {
      if (!TicketCodec.solved(challenge, Long.toString(n), bits)) {
        return Long.toString(n);
      }
    }
  }
}
