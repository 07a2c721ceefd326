package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.mail.SenderAuthentication.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who is trusted to say a mail's From is authentic: only the configured receiving host, only its topmost fields,
 * and only results aligned with the From domain. Mails are read whole by {@link MailReader}, folded lines included.
 */
class SenderAuthenticatorTests {

  private final MailReader trustingOurMx = reader(List.of("mx.acme.example"), false);

  @Test
  void shouldAuthenticateWhenTheTrustedHostFoldedAPassingDmarcVerdictAcrossLines() throws Exception {
    SenderAuthentication verdict = trustingOurMx.read(Mails.crlf("""
        Authentication-Results: mx.acme.example;
               dkim=pass header.i=@customer.example header.s=s1 header.b=Zx9+/a;
               spf=pass (mx.acme.example: domain of ana@customer.example designates
                192.0.2.10 as permitted sender) smtp.mailfrom=ana@customer.example;
               dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=customer.example
        Received: from mail.customer.example by mx.acme.example
        From: Ana <ana@customer.example>
        Subject: Hello

        Hi
        """)).authentication();

    assertThat(verdict.verdict()).isEqualTo(Verdict.AUTHENTICATED);
    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.reason()).contains("DMARC passed");
    assertThat(verdict.results()).contains("dmarc=pass header.from=customer.example").doesNotContain("designates");
  }

  @Test
  void shouldFailWhenDmarcFailsEvenIfSpfPassedForAnotherDomain() throws Exception {
    SenderAuthentication verdict = read(trustingOurMx, """
        Authentication-Results: mx.acme.example; spf=pass smtp.mailfrom=bounces.esp.example;
        \tdkim=pass header.d=esp.example; dmarc=fail (p=none) header.from=customer.example
        """, "ana@customer.example");

    assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(verdict.passes()).isFalse();
  }

  @Test
  void shouldAuthenticateByAlignedDkimOrSpfWhenThereIsNoDmarcVerdict() throws Exception {
    assertThat(read(trustingOurMx, "Authentication-Results: mx.acme.example; dkim=pass header.d=customer.example; "
        + "dmarc=none header.from=mail.customer.example\n", "ana@mail.customer.example").verdict())
        .as("DKIM of the parent domain").isEqualTo(Verdict.AUTHENTICATED);
    assertThat(read(trustingOurMx, "Authentication-Results: mx.acme.example; dkim=pass header.i=@customer.example\n",
        "ana@customer.example").verdict()).as("DKIM by header.i").isEqualTo(Verdict.AUTHENTICATED);
    assertThat(read(trustingOurMx, "Authentication-Results: mx.acme.example; spf=pass "
        + "smtp.mailfrom=bounce@customer.example\n", "ana@customer.example").verdict()).as("SPF")
        .isEqualTo(Verdict.AUTHENTICATED);
    assertThat(read(trustingOurMx, "Authentication-Results: mx.acme.example; dkim=pass header.d=esp.example; "
        + "spf=pass smtp.mailfrom=esp.example\n", "ana@customer.example").verdict()).as("another domain's")
        .isEqualTo(Verdict.FAILED);
    assertThat(read(trustingOurMx, "Authentication-Results: mx.acme.example; dkim=pass header.d=example\n",
        "ana@customer.example").verdict()).as("a bare top-level domain aligns with nothing")
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void shouldIgnoreFieldsOfHostsItDoesNotTrust() throws Exception {
    String forged = "Authentication-Results: mx.evil.example; dmarc=pass header.from=customer.example\n"
        + "Authentication-Results: spf=pass smtp.mailfrom=customer.example; dmarc=pass header.from=customer.example\n";

    SenderAuthentication lenient = read(trustingOurMx, forged, "ana@customer.example");
    assertThat(lenient.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(lenient.passes()).as("no verdict is not a failed one").isTrue();
    SenderAuthentication strict = read(reader(List.of("mx.acme.example"), true), forged, "ana@customer.example");
    assertThat(strict.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(strict.passes()).as("unless verdicts are required").isFalse();
    assertThat(read(reader(List.of(), false), forged, "ana@customer.example").reason())
        .contains("trusted-authserv-ids is empty");
  }

  @Test
  void shouldIgnoreTrustedLookingFieldsBelowTheTopmostBlock() throws Exception {
    SenderAuthentication verdict = read(trustingOurMx, """
        Received: from relay.acme.example by mailstore.acme.example
        Authentication-Results: mx.elsewhere.example; spf=pass smtp.mailfrom=customer.example
        Authentication-Results: MX.ACME.EXAMPLE; spf=softfail smtp.mailfrom=customer.example
        X-Spam-Status: No
        Authentication-Results: mx.acme.example; dkim=none
        Received: from sender.example by mx.acme.example
        Authentication-Results: mx.acme.example; dmarc=pass header.from=customer.example
        Authentication-Results: mx.acme.example; dkim=pass header.d=customer.example
        """, "ana@customer.example");

    assertThat(verdict.verdict()).as(verdict.results()).isEqualTo(Verdict.FAILED);
    assertThat(verdict.results()).contains("spf=softfail").contains("dkim=none").doesNotContain("pass");
  }

  @Test
  void shouldLetTheTopmostResultOfAMethodWinAndReadSeveralFieldsOfOneHost() throws Exception {
    assertThat(read(trustingOurMx, """
        Authentication-Results: mx.acme.example; dmarc=fail header.from=customer.example
        Authentication-Results: mx.acme.example; dmarc=pass header.from=customer.example
        """, "ana@customer.example").verdict()).isEqualTo(Verdict.FAILED);
    assertThat(read(trustingOurMx, """
        Authentication-Results: mx.acme.example; dmarc=pass (p=none dis=none) header.from=customer.example
        Authentication-Results: mx.acme.example; dkim=pass (2048-bit key; unprotected) header.d=customer.example
        Authentication-Results: mx.acme.example; spf=pass smtp.mailfrom=customer.example
        Received: from mail.customer.example by mx.acme.example
        """, "ana@customer.example").verdict()).isEqualTo(Verdict.AUTHENTICATED);
  }

  @Test
  void shouldNotCountADmarcVerdictAboutAnotherFromDomain() throws Exception {
    SenderAuthentication verdict = read(trustingOurMx,
        "Authentication-Results: mx.acme.example; dmarc=pass header.from=other.example; spf=fail "
            + "smtp.mailfrom=customer.example\n", "ana@customer.example");

    assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
  }

  @Test
  void shouldGiveNoVerdictWhenTheTrustedHostCheckedNothing() throws Exception {
    SenderAuthentication verdict = read(trustingOurMx, "Authentication-Results: mx.acme.example 1; none\n",
        "ana@customer.example");

    assertThat(verdict.verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  private static SenderAuthentication read(MailReader reader, String headers, String from) throws Exception {
    return reader.read(Mails.crlf(headers + "From: " + from + "\nSubject: Hello\n\nHi\n")).authentication();
  }

  private static MailReader reader(List<String> trusted, boolean requireVerdicts) {
    return new MailReader(new MailProperties(List.of("acme.example"), 10, 50, 500,
        new MailProperties.Authentication(trusted, requireVerdicts)));
  }
}
