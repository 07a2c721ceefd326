package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's own decisions on top of the parser: new text, threading keys, forwards as attachments, bounces. */
class MailReaderTests {

  private final MailReader reader = new MailReader(new MailProperties(List.of("acme.example"), 10, 50, 500, MailProperties.Authentication.none()));

  @Test
  void shouldAnswerInReplyToFirstThenReferencesNewestFirst() throws Exception {
    ReadMail read = reader.read(mail("""
        From: a@customer.example
        Subject: Re: Re: Printer [#1042]
        Message-ID: <c@customer.example>
        In-Reply-To: <b@tact.example>
        References: <a@customer.example> <x@tact.example> <b@tact.example>

        Thanks!
        """));

    assertThat(read.repliesTo()).containsExactly("b@tact.example", "x@tact.example", "a@customer.example");
    assertThat(read.subjectNumber()).isEqualTo(1042L);
    assertThat(read.newText()).isEqualTo("Thanks!");
  }

  @Test
  void shouldRecoverTheOriginalWhenAMailIsForwardedAsAnAttachment() throws Exception {
    ReadMail read = reader.read(mail("""
        From: Ian IT <ian@acme.example>
        Subject: Fwd: Partnership offer
        Message-ID: <f@acme.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        See attached.
        --b
        Content-Type: message/rfc822

        From: Vera Vendor <vera@vendor.example>
        Subject: Partnership offer
        Date: Mon, 16 Nov 2026 09:12:00 +0100
        Message-ID: <o@vendor.example>

        Dear team, we would love to resell your product.
        --b--
        """));

    ForwardedMessage original = read.forwarded().orElseThrow();
    assertThat(original.fromAddress()).isEqualTo("vera@vendor.example");
    assertThat(original.fromName()).isEqualTo("Vera Vendor");
    assertThat(original.subject()).isEqualTo("Partnership offer");
    assertThat(original.text()).contains("resell your product");
    assertThat(original.comment()).contains("See attached.");
  }

  @Test
  void shouldNotTakeAnAttachedMailForAForwardWhenTheSenderWroteAboutSomethingElse() throws Exception {
    ReadMail read = reader.read(mail("""
        From: max@customer.example
        Subject: Spam I received
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        Is this phishing? It claims to be from you.
        --b
        Content-Type: message/rfc822

        From: evil@phish.example
        Subject: Your account

        Click here.
        --b--
        """));

    assertThat(read.forwarded()).isEmpty();
  }

  @Test
  void shouldNameTheBouncedMessageOfADeliveryReport() throws Exception {
    ReadMail read = reader.read(mail("""
        From: MAILER-DAEMON@mx.example
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="r"

        --r
        Content-Type: text/plain

        Could not deliver.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example

        Final-Recipient: rfc822; gone@customer.example
        Action: failed
        Status: 5.1.1
        --r
        Content-Type: text/rfc822-headers

        From: support@acme.example
        Message-ID: <tact.7.abc@acme.example>
        --r--
        """));

    assertThat(read.bounce()).isTrue();
    assertThat(read.automatic()).isTrue();
    assertThat(read.bouncedMessageId()).isEqualTo("tact.7.abc@acme.example");
  }

  @Test
  void shouldKeepTheWholeTextWhenEverythingIsQuoted() throws Exception {
    ReadMail read = reader.read(mail("""
        From: a@customer.example
        Subject: Re: hello

        > only a quote
        > nothing new
        """));

    assertThat(read.newText()).contains("only a quote");
  }

  @Test
  void shouldRecogniseStaffAddressesAndTheirSubdomains() {
    MailProperties properties = new MailProperties(List.of(" ACME.example "), 10, 50, 500, MailProperties.Authentication.none());

    assertThat(properties.isStaff("ian@acme.example")).isTrue();
    assertThat(properties.isStaff("ian@eu.acme.example")).isTrue();
    assertThat(properties.isStaff("ian@notacme.example")).isFalse();
    assertThat(properties.isStaff(null)).isFalse();
  }

  private static byte[] mail(String text) {
    return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
