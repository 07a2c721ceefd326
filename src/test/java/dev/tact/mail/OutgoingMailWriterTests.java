package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tact's replies, written and read back by Tact's own parser: the threading keys survive the trip. */
class OutgoingMailWriterTests {

  private final MailParser parser = new MailParser(MailLimits.defaults());

  @Test
  void shouldCarryItsMessageIdAndTheThreadSoThatTheAnswerThreadsBack() throws Exception {
    OutgoingMail reply = new OutgoingMail(new MailAddress("support@acme.example", "ACME Support"),
        List.of(new MailAddress("zoe@customer.example", "Zoë Łukasiewicz")), "Printer offline", "Restart it, please.",
        null, "tact.1042.abc@acme.example", "first@customer.example",
        List.of("first@customer.example", "tact.1042.aaa@acme.example"), 1042, false, Instant.parse("2026-11-23T10:00:00Z"));

    ParsedMail parsed = parser.parse(OutgoingMailWriter.write(reply));

    assertThat(parsed.messageId()).isEqualTo("tact.1042.abc@acme.example");
    assertThat(parsed.inReplyTo()).containsExactly("first@customer.example");
    assertThat(parsed.references()).containsExactly("first@customer.example", "tact.1042.aaa@acme.example");
    assertThat(parsed.subject()).isEqualTo("Re: Printer offline [#1042]");
    assertThat(MailThreading.subjectNumber(parsed.subject())).isEqualTo(1042L);
    assertThat(parsed.to().getFirst().name()).isEqualTo("Zoë Łukasiewicz");
    assertThat(parsed.text().strip()).isEqualTo("Restart it, please.");
    assertThat(parsed.automatic().isAutomatic()).isFalse();
  }

  @Test
  void shouldMarkAutomaticMailSoThatAutoRespondersStaySilent() throws Exception {
    OutgoingMail notice = new OutgoingMail(new MailAddress("support@acme.example", null),
        List.of(new MailAddress("zoe@customer.example", null)), "We received your message", "Thanks, we'll answer soon.",
        "<p>Thanks, we'll answer soon.</p>", "tact.7.x@acme.example", null, List.of(), 7, true,
        Instant.parse("2026-11-23T10:00:00Z"));

    ParsedMail parsed = parser.parse(OutgoingMailWriter.write(notice));

    assertThat(parsed.automatic().isAutomatic()).isTrue();
    assertThat(parsed.html()).contains("<p>Thanks");
    assertThat(parsed.text().strip()).isEqualTo("Thanks, we'll answer soon.");
  }

  @Test
  void shouldNotRepeatTheTokenOrTheRePrefix() {
    assertThat(MailThreading.replySubject("Re: Printer offline [#1042]", 1042)).isEqualTo("Re: Printer offline [#1042]");
    assertThat(MailThreading.replySubject(null, 5)).isEqualTo("Re: [#5]");
    assertThat(MailThreading.subjectNumber("Re: [#12] and [#13]")).isEqualTo(13L);
    assertThat(MailThreading.subjectNumber("Invoice #12")).isNull();
  }
}
