package dev.tact.mail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication-Results values as real receiving hosts write them (RFC 8601 section 2.2), unfolded. */
class AuthResultsParserTests {

  @Test
  void shouldReadGmailsFieldWithCommentsThatHoldColonsAndParentheses() {
    AuthResultsHeader header = parse("mx.google.com;        dkim=pass header.i=@example.com header.s=20230601 "
        + "header.b=Ab1+/xY2;        spf=pass (google.com: domain of ana@example.com designates 209.85.220.41 as "
        + "permitted sender) smtp.mailfrom=ana@example.com;        dmarc=pass (p=REJECT sp=REJECT dis=NONE) "
        + "header.from=example.com");

    assertThat(header.authservId()).isEqualTo("mx.google.com");
    assertThat(header.results()).extracting(AuthResult::method).containsExactly("dkim", "spf", "dmarc");
    assertThat(header.results()).allMatch(AuthResult::passed);
    assertThat(header.results().get(0).property("header.i")).isEqualTo("@example.com");
    assertThat(header.results().get(0).property("header.b")).isEqualTo("Ab1+/xY2");
    assertThat(header.results().get(1).property("smtp.mailfrom")).isEqualTo("ana@example.com");
    assertThat(header.results().get(2).property("header.from")).isEqualTo("example.com");
  }

  @Test
  void shouldReadOpenDkimsFieldWhoseCommentHoldsASemicolon() {
    AuthResultsHeader header = parse("mail.example.org; dkim=pass (2048-bit key; unprotected) header.d=example.com "
        + "header.i=@example.com header.a=rsa-sha256 header.s=mail header.b=ABCdef12;\tdkim-atps=neutral");

    assertThat(header.authservId()).isEqualTo("mail.example.org");
    assertThat(header.results()).extracting(AuthResult::toString)
        .containsExactly("dkim=pass header.d=example.com header.i=@example.com header.a=rsa-sha256 header.s=mail "
            + "header.b=ABCdef12", "dkim-atps=neutral");
  }

  @Test
  void shouldReadTheExamplesOfRfc8601() {
    assertThat(parse("example.com; none").results()).isEmpty();
    assertThat(parse("example.com 1; none").authservId()).isEqualTo("example.com");
    AuthResultsHeader several = parse("example.com; auth=pass (cram-md5) smtp.auth=sender@example.net; "
        + "spf=pass smtp.mailfrom=example.net");
    assertThat(several.results()).extracting(AuthResult::method).containsExactly("auth", "spf");
    assertThat(several.results().get(0).property("smtp.auth")).isEqualTo("sender@example.net");
    AuthResultsHeader reasons = parse("example.com; sender-id=fail header.from=example.com; "
        + "dkim=pass (good signature) header.d=example.com");
    assertThat(reasons.results().get(0).result()).isEqualTo("fail");
    assertThat(reasons.results().get(1).property("header.d")).isEqualTo("example.com");
  }

  @Test
  void shouldReadNestedCommentsQuotedValuesMethodVersionsAndSpacesAroundEquals() {
    AuthResultsHeader header = parse("(checked by (our) \\) filter) MX.Example.NET ; "
        + "spf = fail reason=\"bad; \\\"very\\\" bad\" smtp.mailfrom = x@y.example ; dkim/1=Pass header.d=y.example;");

    assertThat(header.authservId()).isEqualTo("MX.Example.NET");
    AuthResult spf = header.results().get(0);
    assertThat(spf.result()).isEqualTo("fail");
    assertThat(spf.reason()).isEqualTo("bad; \"very\" bad");
    assertThat(spf.property("smtp.mailfrom")).isEqualTo("x@y.example");
    assertThat(header.results().get(1).method()).isEqualTo("dkim");
    assertThat(header.results().get(1).passed()).isTrue();
  }

  @Test
  void shouldNotReadAFieldWithoutAnAuthservIdOrOfAnotherVersion() {
    // Microsoft 365 writes no authserv-id: nothing says which host wrote it, so nobody can trust it.
    assertThat(AuthResultsParser.parse("spf=pass (sender IP is 40.107.22.50) smtp.mailfrom=contoso.com; dkim=pass "
        + "(signature was verified) header.d=contoso.com;dmarc=pass action=none header.from=contoso.com;"
        + "compauth=pass reason=100")).isEmpty();
    assertThat(AuthResultsParser.parse("example.com 2; spf=pass smtp.mailfrom=example.net")).isEmpty();
    assertThat(AuthResultsParser.parse("   ")).isEmpty();
    assertThat(AuthResultsParser.parse("(only a comment)")).isEmpty();
    assertThat(AuthResultsParser.parse(null)).isEmpty();
  }

  @Test
  void shouldSkipWhatItDoesNotUnderstandAndKeepTheRest() {
    AuthResultsHeader header = parse("mx.example.org; garbage; =pass; spf=; dmarc=pass header.from=example.org "
        + "trailing words");

    assertThat(header.results()).extracting(AuthResult::toString).containsExactly("dmarc=pass header.from=example.org");
  }

  @Test
  void shouldNeverThrowOnAnyText() {
    for (String value : List.of("(", "\"", "a; (b", "a; b=\"c", "a;;;;", "a; b=c d=\"e\\", ")x(", ";", "x; =")) {
      assertThat(AuthResultsParser.parse(value)).as(value).isNotNull();
    }
  }

  private static AuthResultsHeader parse(String value) {
    return AuthResultsParser.parse(value).orElseThrow(() -> new AssertionError("not read: " + value));
  }
}
