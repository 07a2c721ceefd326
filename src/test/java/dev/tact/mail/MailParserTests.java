package dev.tact.mail;

import static dev.tact.mail.Mails.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTests {

  private final MailParser parser = new MailParser(MailLimits.defaults());

  @Test
  void shouldDecodeHeadersWhenTheyUseEncodedWords() {
    ParsedMail mail = parse("""
        Message-ID: <abc.123@example.com>
        In-Reply-To: <parent@example.com>
        References: <root@example.com>
         <parent@example.com>
        From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.COM>
        To: "Support, Team" <support@tact.test>, other@tact.test
        Cc: =?ISO-8859-1?B?Q2l0cm/rbg==?= <citroen@example.fr>
        Reply-To: replies@example.com
        Return-Path: <bounce@Example.com>
        Subject: =?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?B?IGF1cyBLw7Zsbg==?= today
        Date: Tue, 4 Mar 2025 10:15:00 +0100

        Hello
        """);

    assertThat(mail.messageId()).isEqualTo("abc.123@example.com");
    assertThat(mail.inReplyTo()).containsExactly("parent@example.com");
    assertThat(mail.references()).containsExactly("root@example.com", "parent@example.com");
    assertThat(mail.from()).isEqualTo(new MailAddress("Juergen@example.com", "Jürgen Müller"));
    assertThat(mail.to()).containsExactly(new MailAddress("support@tact.test", "Support, Team"),
        new MailAddress("other@tact.test", null));
    assertThat(mail.cc()).containsExactly(new MailAddress("citroen@example.fr", "Citroën"));
    assertThat(mail.replyTo()).containsExactly(new MailAddress("replies@example.com", null));
    assertThat(mail.returnPath()).isEqualTo("bounce@example.com");
    assertThat(mail.subject()).isEqualTo("Grüße aus Köln today");
    assertThat(mail.date()).isEqualTo(Instant.parse("2025-03-04T09:15:00Z"));
    assertThat(mail.text()).isEqualTo("Hello\n");
    assertThat(mail.header("subject")).isEqualTo("Grüße aus Köln today");
    assertThat(mail.defects()).isEmpty();
  }

  @Test
  void shouldKeepControlCharactersOutOfIdsSubjectsAndNamesWhatEverTheMailEncodes() {
    ParsedMail mail = parse("""
        Message-ID: <evil\u0085id@example.com>
        In-Reply-To: <ok@example.com> <bad\u0000id@example.com>
        References: <root@example.com> <x\u001bid@example.com>
        From: =?UTF-8?Q?Eve=0D=0ABcc=3A_attacker=40evil.example?= <eve@example.com>
        Subject: =?UTF-8?Q?Order=0D=0AReply-To:_attacker@evil.example?= =?UTF-8?B?AAk=?=

        Hello
        """);

    assertThat(mail.messageId()).isNull();
    assertThat(mail.inReplyTo()).containsExactly("ok@example.com");
    assertThat(mail.references()).containsExactly("root@example.com");
    assertThat(mail.subject()).isEqualTo("Order Reply-To: attacker@evil.example");
    assertThat(mail.from().name()).isEqualTo("Eve Bcc: attacker@evil.example");
    assertThat(mail.from().address()).isEqualTo("eve@example.com");
  }

  @Test
  void shouldDecodeMalformedEncodedWordsWhenCommonInTheWild() {
    ParsedMail mail = parse("""
        From: a@example.com
        Subject: Re:=?utf-8?Q?Caf=C3=A9?==?utf-8?Q?_cr=C3=A8me?= and =?x-unknown?Q?na=EFve?= "=?utf-8?B?w6k?="

        x
        """);

    assertThat(mail.subject()).isEqualTo("Re:Café crème and naïve \"é\"");
  }

  @Test
  void shouldJoinSplitMultibyteCharactersWhenAdjacentEncodedWordsSplitThem() {
    // "€" is E2 82 AC; the sender split it across two encoded words
    ParsedMail mail = parse("""
        From: a@example.com
        Subject: =?UTF-8?Q?price_=E2=82?= =?UTF-8?Q?=AC5?=

        x
        """);

    assertThat(mail.subject()).isEqualTo("price €5");
  }

  @Test
  void shouldReadRawUtf8HeadersWhenSentWithoutEncoding() {
    ParsedMail mail = parse("""
        From: Zoë <zoe@example.com>
        Subject: Ünïcödé ✔

        x
        """);

    assertThat(mail.subject()).isEqualTo("Ünïcödé ✔");
    assertThat(mail.from().name()).isEqualTo("Zoë");
  }

  @Test
  void shouldNoteNullSenderWhenReturnPathIsEmpty() {
    ParsedMail mail = parse("""
        Return-Path: <>
        From: a@example.com

        x
        """);

    assertThat(mail.returnPath()).isEmpty();
    assertThat(mail.automatic().kind()).isEqualTo(AutomaticMail.Kind.AUTO_GENERATED);
    assertThat(mail.automatic().reasons()).contains("Return-Path: <>");
  }

  @Test
  void shouldPreferPlainTextWhenAlternativeHasBoth() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Plain body
        --b1
        Content-Type: text/html; charset=utf-8

        <p>HTML <b>body</b></p>
        --b1--
        """);

    assertThat(mail.text()).isEqualTo("Plain body");
    assertThat(mail.textFromHtml()).isFalse();
    assertThat(mail.html()).isEqualTo("<p>HTML <b>body</b></p>");
    assertThat(mail.attachments()).isEmpty();
  }

  @Test
  void shouldDeriveTextFromHtmlWhenThereIsNoTextPart() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: text/html; charset=utf-8

        <html><body><p>Hello <a href="https://tact.test/x">our site</a></p><ul><li>one</li><li>two</li></ul>
        <blockquote>quoted<br>line</blockquote></body></html>
        """);

    assertThat(mail.textFromHtml()).isTrue();
    assertThat(mail.text()).isEqualTo("Hello our site <https://tact.test/x>\n\n- one\n- two\n\n> quoted\n> line");
  }

  @Test
  void shouldChooseBodyAndInlineImagesWhenMixedRelatedAlternativeAreNested() {
    String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=us-ascii

        See the logo.
        --alt
        Content-Type: text/html; charset=us-ascii

        <p>See the <img src="cid:logo@tact"> logo.</p>
        --alt--
        --rel
        Content-Type: image/png
        Content-ID: <logo@tact>
        Content-Transfer-Encoding: base64

        %s
        --rel--
        --outer
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer--
        """.formatted(png));

    assertThat(mail.text()).isEqualTo("See the logo.");
    assertThat(mail.html()).contains("cid:logo@tact");
    assertThat(mail.attachments()).hasSize(2);
    MailAttachment logo = mail.attachments().get(0);
    assertThat(logo.contentId()).isEqualTo("logo@tact");
    assertThat(logo.inline()).isTrue();
    assertThat(logo.contentType()).isEqualTo("image/png");
    assertThat(logo.content()).containsExactly(0x89, 'P', 'N', 'G', 1, 2, 3);
    MailAttachment pdf = mail.attachments().get(1);
    assertThat(pdf.filename()).isEqualTo("report.pdf");
    assertThat(pdf.inline()).isFalse();
    assertThat(pdf.content()).isEqualTo("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    // computed independently: printf '%PDF-1.4\n' | sha256sum
    assertThat(pdf.sha256Hex()).isEqualTo("e5c62df5dab5c87b6a015ef3d43597074d1eec433b15f51aec63b8582d0e4ab4");
  }

  @Test
  void shouldDecodeRfc2231FilenamesWhenContinuedAndCharsetTagged() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: multipart/mixed; boundary=x

        --x
        Content-Type: text/plain

        body
        --x
        Content-Type: application/octet-stream
        Content-Disposition: attachment;
         filename*0*=UTF-8''Rechnung%20M%C3%A4rz;
         filename*1*=%20%E2%82%AC.pdf

        data
        --x
        Content-Type: application/octet-stream; name="=?ISO-8859-1?Q?R=E9sum=E9=2Edoc?="

        data
        --x--
        """);

    assertThat(mail.attachments()).extracting(MailAttachment::filename)
        .containsExactly("Rechnung März €.pdf", "Résumé.doc");
  }

  @Test
  void shouldDecodeQuotedPrintableWhenCharsetIsDeclared() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: text/plain; charset=iso-8859-15
        Content-Transfer-Encoding: quoted-printable

        Preis: 5 =A4, Gr=FC=DFe, eine sehr lange Zeile die umbrochen wur=
        de.
        """);

    assertThat(mail.text()).isEqualTo("Preis: 5 €, Grüße, eine sehr lange Zeile die umbrochen wurde.\n");
  }

  @Test
  void shouldGuessCharsetWhenUndeclaredOrUnknown() {
    byte[] latin = "From: a@example.com\r\nContent-Type: text/plain\r\n\r\nCaf\u00e9 cr\u00e8me\r\n"
        .getBytes(Charset.forName("windows-1252"));
    byte[] unknownButUtf8 = "From: a@example.com\r\nContent-Type: text/plain; charset=x-nonsense\r\n\r\nCafé\r\n"
        .getBytes(StandardCharsets.UTF_8);

    ParsedMail fromLatin = parseBytes(latin);
    ParsedMail fromUnknown = parseBytes(unknownButUtf8);

    assertThat(fromLatin.text()).isEqualTo("Café crème\n");
    assertThat(fromUnknown.text()).isEqualTo("Café\n");
    assertThat(fromUnknown.defects()).anyMatch(d -> d.contains("unknown charset 'x-nonsense'"));
  }

  @Test
  void shouldReplaceInvalidBytesWhenDeclaredUtf8IsBroken() {
    byte[] raw = concat("From: a@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok ",
        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, " end\r\n");

    ParsedMail mail = parseBytes(raw);

    assertThat(mail.text()).startsWith("ok ").endsWith(" end\n").contains("\uFFFD");
    assertThat(mail.defects()).anyMatch(d -> d.contains("invalid bytes"));
  }

  @Test
  void shouldDecodeWhatItCanWhenBase64IsBroken() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: text/plain
        Content-Transfer-Encoding: base64

        SGVsbG8g!!d29y
        bGQ
        """);

    assertThat(mail.text()).startsWith("Hello world");
  }

  @Test
  void shouldKeepAttachedMessageAsEmlAndParseItWhenMessageRfc822() {
    ParsedMail mail = parse("""
        From: forwarder@example.com
        Subject: Fwd: question
        Content-Type: multipart/mixed; boundary=m

        --m
        Content-Type: text/plain

        See below.
        --m
        Content-Type: message/rfc822

        From: Original Sender <orig@example.com>
        Subject: question
        Message-ID: <orig-1@example.com>

        The original text.
        --m--
        """);

    assertThat(mail.attachments()).singleElement().satisfies(a -> {
      assertThat(a.contentType()).isEqualTo("message/rfc822");
      assertThat(a.filename()).endsWith(".eml");
      assertThat(a.contentAsUtf8()).contains("Message-ID: <orig-1@example.com>");
    });
    assertThat(mail.attachedMessages()).singleElement().satisfies(inner -> {
      assertThat(inner.from()).isEqualTo(new MailAddress("orig@example.com", "Original Sender"));
      assertThat(inner.messageId()).isEqualTo("orig-1@example.com");
      assertThat(inner.text()).isEqualTo("The original text.");
    });
  }

  @Test
  void shouldKeepTnefAsAttachmentWhenOutlookSendsWinmailDat() {
    ParsedMail mail = parse("""
        From: outlook@example.com
        Content-Type: multipart/mixed; boundary=t

        --t
        Content-Type: text/plain

        body
        --t
        Content-Type: application/ms-tnef; name="winmail.dat"
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment; filename="winmail.dat"

        eJ8+IgEAAQ==
        --t--
        """);

    assertThat(mail.attachments()).singleElement().satisfies(a -> {
      assertThat(a.filename()).isEqualTo("winmail.dat");
      assertThat(a.contentType()).isEqualTo("application/ms-tnef");
      assertThat(a.content()).containsExactly(0x78, 0x9f, 0x3e, 0x22, 0x01, 0x00, 0x01);
    });
  }

  @Test
  void shouldReadDeliveryStatusWhenMultipartReport() {
    ParsedMail mail = parse("""
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="r"

        --r
        Content-Type: text/plain

        I could not deliver your message.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        Final-Recipient: rfc822; Gone@Example.org
        Action: failed
        Status: 5.1.1 (user unknown)
        Diagnostic-Code: smtp; 550 5.1.1 no such user

        Final-Recipient: rfc822; late@example.org
        Action: delayed
        Status: 4.4.1
        --r
        Content-Type: text/rfc822-headers

        From: agent@tact.test
        Message-ID: <sent-42@tact.test>
        Subject: Your ticket
        --r--
        """);

    assertThat(mail.automatic().kind()).isEqualTo(AutomaticMail.Kind.BOUNCE);
    assertThat(mail.automatic().reasons())
        .contains("Content-Type: multipart/report; report-type=delivery-status");
    DeliveryReport report = mail.deliveryReport();
    assertThat(report.standard()).isTrue();
    assertThat(report.originalMessageId()).isEqualTo("sent-42@tact.test");
    assertThat(report.reportingMta()).isEqualTo("mx.example.net");
    assertThat(report.recipients()).containsExactly(
        new DeliveryReport.Recipient("Gone@example.org", "failed", "5.1.1", "550 5.1.1 no such user"),
        new DeliveryReport.Recipient("late@example.org", "delayed", "4.4.1", null));
    assertThat(report.recipients().get(0).isPermanentFailure()).isTrue();
    assertThat(report.recipients().get(1).isPermanentFailure()).isFalse();
  }

  @Test
  void shouldFindOriginalMessageIdWhenClassicBounceQuotesIt() {
    ParsedMail mail = parse("""
        From: postmaster@old.example.com
        Return-Path: <>
        Subject: failure notice
        X-Failed-Recipients: someone@old.example.com

        Hi. This is the qmail-send program. I'm afraid I wasn't able to deliver your message.

        --- Below this line is a copy of the message.

        Message-ID: <sent-7@tact.test>
        Subject: hello
        """);

    assertThat(mail.automatic().kind()).isEqualTo(AutomaticMail.Kind.BOUNCE);
    assertThat(mail.deliveryReport().standard()).isFalse();
    assertThat(mail.deliveryReport().originalMessageId()).isEqualTo("sent-7@tact.test");
    assertThat(mail.deliveryReport().recipients()).extracting(DeliveryReport.Recipient::recipient)
        .containsExactly("someone@old.example.com");
  }

  @Test
  void shouldRecordDefectWhenBoundaryNeverAppears() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: multipart/mixed; boundary="never"

        Just some text where the parts should be.
        """);

    assertThat(mail.text()).contains("Just some text where the parts should be.");
    assertThat(mail.defects()).isNotEmpty();
  }

  @Test
  void shouldKeepPartsReadWhenMessageIsTruncated() {
    ParsedMail mail = parse("""
        From: a@example.com
        Content-Type: multipart/mixed; boundary=cut

        --cut
        Content-Type: text/plain

        First part
        --cut
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: base64

        AAEC""");

    assertThat(mail.text()).isEqualTo("First part");
    assertThat(mail.attachments()).singleElement()
        .satisfies(a -> assertThat(a.content()).containsExactly(0, 1, 2));
  }

  @Test
  void shouldRejectWhenInputIsNotMail() {
    assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(UnparseableMailException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> parser.parse("just some words\r\n".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(UnparseableMailException.class).hasMessageContaining("header");
    assertThatThrownBy(() -> new MailParser(new MailLimits(100, 5, 5, 100, 100))
        .parse(Mails.crlf("From: a@example.com\n\n" + "x".repeat(200))))
        .isInstanceOf(UnparseableMailException.class).hasMessageContaining("larger than the limit");
  }

  @Test
  void shouldFindMessageIdWhenScanningHeadersOnly() {
    byte[] raw = Mails.crlf("From a@b Mon Jan 1 00:00:00 2024\nReceived: x\nmessage-id:\n <id-9@example.com>\n\n"
        + "Message-ID: <body@example.com>\n");

    assertThat(MailParser.messageIdOf(raw)).isEqualTo("id-9@example.com");
    assertThat(MailParser.messageIdOf(Mails.crlf("From: a@b\n\nMessage-ID: <x@y>\n"))).isNull();
    assertThat(MailParser.messageIdOf(new byte[] {0, 1, 2})).isNull();
    assertThat(MailParser.messageIdOf(null)).isNull();
  }

  private ParsedMail parseBytes(byte[] raw) {
    try {
      return parser.parse(raw);
    } catch (UnparseableMailException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    byte[] a = head.getBytes(StandardCharsets.US_ASCII);
    byte[] c = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }
}
