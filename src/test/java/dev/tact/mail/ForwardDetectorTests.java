package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardDetectorTests {

  private final ForwardDetector detector = new ForwardDetector();

  @Test
  void shouldRecoverOriginalWhenGmailForwardMarkerPresent() {
    Optional<ForwardedMessage> found = detector.detect("Fwd: Login problems", "Please help.\n\n"
        + "---------- Forwarded message ---------\nFrom: Fred Flintstone <fred@bedrock.com>\n"
        + "Date: Mon, 1 Dec 2016 13:37:42 +0100\nSubject: Login problems\nTo: Team <team@x.com>\n\n"
        + "I cannot log in.\n\nFred\n");
    assertThat(found).hasValueSatisfying(f -> {
      assertThat(f.fromAddress()).isEqualTo("fred@bedrock.com");
      assertThat(f.fromName()).isEqualTo("Fred Flintstone");
      assertThat(f.date()).isEqualTo("Mon, 1 Dec 2016 13:37:42 +0100");
      assertThat(f.parsedDate()).isEqualTo(Instant.parse("2016-12-01T12:37:42Z"));
      assertThat(f.subject()).isEqualTo("Login problems");
      assertThat(f.text()).isEqualTo("I cannot log in.\n\nFred");
      assertThat(f.comment()).isEqualTo("Please help.");
    });
  }

  @Test
  void shouldRecoverOriginalWhenAppleMailBeginsForwardedMessage() {
    Optional<ForwardedMessage> found = detector.detect("Fwd: Hi", "Begin forwarded message:\n\n"
        + "From: Jane Roe <jane@x.com>\nSubject: Hi\nDate: 6 January 2025 at 09:14:00 CET\n\nHello there\n");
    assertThat(found).hasValueSatisfying(f -> {
      assertThat(f.fromAddress()).isEqualTo("jane@x.com");
      assertThat(f.comment()).isEmpty();
      assertThat(f.parsedDate()).isNull();
      assertThat(f.text()).isEqualTo("Hello there");
    });
  }

  @Test
  void shouldRecoverOriginalWhenOutlookBlockUnderForwardSubject() {
    Optional<ForwardedMessage> found = detector.detect("TR: Offre", "Pour info\n\n"
        + "*From:* Jane Roe [mailto:jane@x.com]\n*Sent:* Monday, January 6, 2025 9:14 AM\n*To:* Bob\n"
        + "*Subject:* Offre\n\nBonjour\n");
    assertThat(found).hasValueSatisfying(f -> {
      assertThat(f.fromAddress()).isEqualTo("jane@x.com");
      assertThat(f.fromName()).isEqualTo("Jane Roe");
      assertThat(f.subject()).isEqualTo("Offre");
      assertThat(f.comment()).isEqualTo("Pour info");
    });
  }

  @Test
  void shouldRecoverOriginalWhenForwardSubjectFollowsALongRunOfReplyPrefixes() {
    // the run of "Re: " once overflowed the stack of the subject's pattern
    Optional<ForwardedMessage> found = detector.detect("Re: ".repeat(1_000) + "Fwd: Offre", "Pour info\n\n"
        + "*From:* Jane Roe [mailto:jane@x.com]\n*Sent:* Monday, January 6, 2025 9:14 AM\n"
        + "*Subject:* Offre\n\nBonjour\n");
    assertThat(found).hasValueSatisfying(f -> assertThat(f.fromAddress()).isEqualTo("jane@x.com"));
  }

  @Test
  void shouldRecoverOriginalWhenAFieldNameIsFollowedByALongRunOfSpaces() {
    // such a line once took seconds for each field pattern (the spaces split between two white space runs)
    Optional<ForwardedMessage> found = detector.detect("TR: Offre", "Pour info\n\n"
        + "*From:* Jane Roe [mailto:jane@x.com]\n"
        + "Sent" + " ".repeat(19_000) + "x\n*Sent:* Monday, January 6, 2025 9:14 AM\n*Subject:* Offre\n\nBonjour\n");
    assertThat(found).hasValueSatisfying(f -> {
      assertThat(f.fromAddress()).isEqualTo("jane@x.com");
      assertThat(f.subject()).isEqualTo("Offre");
    });
  }

  @Test
  void shouldRecoverOriginalWhenLocalisedOutlookBlockFollowsOriginalMessageLine() {
    Optional<ForwardedMessage> found = detector.detect("WG: Angebot", "-----Ursprüngliche Nachricht-----\n"
        + "Von: jane@x.com\nGesendet: Montag, 6. Januar 2025 09:14\nAn: Bob\nBetreff: Angebot\n\nHallo\n");
    assertThat(found).hasValueSatisfying(f -> {
      assertThat(f.fromAddress()).isEqualTo("jane@x.com");
      assertThat(f.fromName()).isEmpty();
      assertThat(f.date()).isEqualTo("Montag, 6. Januar 2025 09:14");
      assertThat(f.subject()).isEqualTo("Angebot");
    });
  }

  @Test
  void shouldJoinSubjectWhenItWrapsOverTwoLines() {
    Optional<ForwardedMessage> found = detector.detect("", "-------- Forwarded Message --------\n"
        + "Subject: Some subject that\nspans over 2 lines\nFrom: Jane <jane@x.com>\n\nBody\n");
    assertThat(found).hasValueSatisfying(f -> assertThat(f.subject()).isEqualTo("Some subject that spans over 2 lines"));
  }

  @Test
  void shouldNotReportForwardWhenReplyQuotesEarlierMessage() {
    assertThat(detector.detect("Re: Offer", "Yes.\n\nOn Mon, Jan 6, 2025 at 9:14 AM, Jane <jane@x.com> wrote:\n"
        + "> Offer?\n")).isEmpty();
    assertThat(detector.detect("RE: Offer", "Yes.\n\n-----Original Message-----\nFrom: jane@x.com\n"
        + "Sent: Monday\nTo: Bob\nSubject: Offer\n\nOffer?\n")).isEmpty();
  }

  @Test
  void shouldReturnEmptyWhenInputIsNull() {
    assertThat(detector.detect(null, null)).isEmpty();
  }
}
