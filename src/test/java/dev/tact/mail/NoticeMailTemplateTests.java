package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A notice written once for many recipients reads back, by Tact's parser and by Jakarta Mail, as the mail it is. */
class NoticeMailTemplateTests {

  private static final Instant AT = Instant.parse("2026-12-06T09:15:00Z");
  private final MailParser parser = new MailParser(MailLimits.defaults());

  @Test
  void shouldWriteEachRecipientTheSameNoticeWithTheirOwnAddressMessageIdAndText() throws Exception {
    NoticeMailTemplate template = new NoticeMailTemplate(new MailAddress("status@acme.example", "ACME Störungen"),
        "[Investigating] Sites unreachable in Frankfurt — EU cluster", AT);
    String stop = "To stop them: https://help.acme.example/status/subscriptions/" + "t0k3n".repeat(12)
        + "/unsubscribe";
    String zoeText = "Some sites = down.\n\nINC-7 — Investigating. Follow it here: https://help.acme.example/status\n"
        + stop + "\n";
    String samText = "Some sites = down.\n\nINC-7 — Investigating.\n";

    ParsedMail zoe = parser.parse(template.write(new MailAddress("zoe@customer.example", "Zoë Łukasiewicz"),
        "tact.outbox.1@acme.example", zoeText));
    ParsedMail sam = parser.parse(template.write(new MailAddress("sam@customer.example", null),
        "tact.outbox.2@acme.example", samText));

    assertThat(zoe.to()).containsExactly(new MailAddress("zoe@customer.example", "Zoë Łukasiewicz"));
    assertThat(sam.to()).containsExactly(new MailAddress("sam@customer.example", null));
    assertThat(zoe.messageId()).isEqualTo("tact.outbox.1@acme.example");
    assertThat(sam.messageId()).isEqualTo("tact.outbox.2@acme.example");
    for (ParsedMail mail : List.of(zoe, sam)) {
      assertThat(mail.subject()).isEqualTo("[Investigating] Sites unreachable in Frankfurt — EU cluster");
      assertThat(mail.from()).isEqualTo(new MailAddress("status@acme.example", "ACME Störungen"));
      assertThat(mail.date()).isEqualTo(AT);
      assertThat(mail.automatic().isAutomatic()).isTrue();
      assertThat(mail.defects()).isEmpty();
    }
    assertThat(zoe.text().replace("\r\n", "\n")).isEqualTo(zoeText);
    assertThat(sam.text().replace("\r\n", "\n")).isEqualTo(samText);
    assertThat(zoe.html()).contains("<a href=\"https://help.acme.example/status/subscriptions/", "Some sites = down.");

    MimeMessage read = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(template.write(new MailAddress("zoe@customer.example", null),
            "tact.outbox.3@acme.example", zoeText)));
    MimeMultipart parts = (MimeMultipart) read.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(zoeText);
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(parts.getBodyPart(1).getContent().toString().replace("\r\n", "\n")).isEqualTo(TextToHtml.render(zoeText));
  }

  @Test
  void shouldEncodeQuotedPrintableThatDecodesToTheTextWithLinesOfAtMost76Characters() throws Exception {
    java.util.Random random = new java.util.Random(18);
    String alphabet = "ab =\t\nüß—€x.:/";
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(400);
      for (int i = 0; i < length; i++) {
        text.append(random.nextInt(10) == 0 ? "a".repeat(random.nextInt(90))
            : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      byte[] encoded = NoticeMailTemplate.quotedPrintable(text.toString().getBytes(StandardCharsets.UTF_8));
      String wire = new String(encoded, StandardCharsets.US_ASCII);
      assertThat(wire.split("\r\n", -1)).allSatisfy(line -> {
        assertThat(line.length()).isLessThanOrEqualTo(76);
        assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
      });
      assertThat(wire.replace("\r\n", "")).doesNotContain("\n", "\r");
      try (var in = jakarta.mail.internet.MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"))
            .isEqualTo(text.toString());
      }
    }
  }

  @Test
  void shouldSendShortAsciiLinesAsTheyAre() throws Exception {
    NoticeMailTemplate template = new NoticeMailTemplate(new MailAddress("help@acme.example", null), "Your link", AT);
    String text = "Open your conversations: https://help.acme.example/portal/link/" + "k".repeat(60) + "\n\nThanks.\n";
    byte[] written = template.write(new MailAddress("zoe@customer.example", null), "tact.outbox.4@acme.example", text);

    assertThat(new String(written, StandardCharsets.US_ASCII)).contains("Content-Transfer-Encoding: 7bit",
        "/portal/link/" + "k".repeat(60) + "\r\n");
    assertThat(parser.parse(written).text().replace("\r\n", "\n")).isEqualTo(text);
    assertThat(NoticeMailTemplate.sevenBit("x".repeat(999).getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(NoticeMailTemplate.sevenBit("caf\u00e9".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void shouldRefuseHeaderValuesThatWouldCarryALineBreak() {
    MailAddress from = new MailAddress("status@acme.example", null);
    assertThatThrownBy(() -> new NoticeMailTemplate(from, "Down\r\nBcc: x@evil.example", AT))
        .isInstanceOf(UnsafeHeaderException.class);
    NoticeMailTemplate template = new NoticeMailTemplate(from, "Down", AT);
    assertThatThrownBy(() -> template.write(new MailAddress("zoe@customer.example", "Zoë\nBcc: x@evil.example"),
        "tact.outbox.1@acme.example", "text")).isInstanceOf(UnsafeHeaderException.class);
    assertThatThrownBy(() -> template.write(new MailAddress("zoe@customer.example", null),
        "tact.outbox.1@acme.example>\r\nBcc: x@evil.example", "text")).isInstanceOf(UnsafeHeaderException.class);
  }
}
