package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void shouldRefuseEveryHeaderValueThatWouldCarryALineBreak() {
    String smuggled = "x@customer.example>\r\nReply-To: attacker@evil.example\r\n\r\nNew body <y";
    MailAddress from = new MailAddress("support@acme.example", "ACME Support");
    List<MailAddress> to = List.of(new MailAddress("zoe@customer.example", "Zoë"));
    Instant at = Instant.parse("2026-11-23T10:00:00Z");

    assertRefused(new OutgoingMail(from, to, "Hi", "Text", null, "tact.1.a@acme.example", smuggled, List.of(), 1,
        false, at), "In-Reply-To");
    assertRefused(new OutgoingMail(from, to, "Hi", "Text", null, "tact.1.a@acme.example", null,
        List.of("ok@customer.example", smuggled), 1, false, at), "References");
    assertRefused(new OutgoingMail(from, to, "Hi", "Text", null, "tact.1.a@acme.example\nBcc: x@evil.example", null,
        List.of(), 1, false, at), "Message-ID");
    assertRefused(new OutgoingMail(from, to, "Hi\r\nBcc: x@evil.example", "Text", null, "tact.1.a@acme.example",
        null, List.of(), 0, false, at), "Subject");
    assertRefused(new OutgoingMail(from, List.of(new MailAddress("zoe@customer.example", "Zoë\nBcc: x@evil.example")),
        "Hi", "Text", null, "tact.1.a@acme.example", null, List.of(), 1, false, at), "To");
    assertRefused(new OutgoingMail(new MailAddress("support@acme.example", "ACME\rSupport"), to, "Hi", "Text", null,
        "tact.1.a@acme.example", null, List.of(), 1, false, at), "From");
  }

  private static void assertRefused(OutgoingMail mail, String header) {
    assertThatThrownBy(() -> OutgoingMailWriter.write(mail)).as(header)
        .isInstanceOf(UnsafeHeaderException.class)
        .hasMessageContaining(header).hasMessageContaining("line break");
  }

  @Test
  void shouldNotRepeatTheTokenOrTheRePrefix() {
    assertThat(MailThreading.replySubject("Re: Printer offline [#1042]", 1042)).isEqualTo("Re: Printer offline [#1042]");
    assertThat(MailThreading.replySubject(null, 5)).isEqualTo("Re: [#5]");
    assertThat(MailThreading.subjectNumber("Re: [#12] and [#13]")).isEqualTo(13L);
    assertThat(MailThreading.subjectNumber("Invoice #12")).isNull();
  }
}
