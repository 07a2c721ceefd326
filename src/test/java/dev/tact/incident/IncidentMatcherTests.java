package dev.tact.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which customer messages count as reports of an open incident, from what they say. */
class IncidentMatcherTests {

  private static final Instant START = Instant.parse("2026-12-06T09:00:00Z");

  private final Incident hosting = incident(1, "Web hosting unreachable", "Sites on the EU cluster do not load.");
  private final Incident mail = incident(2, "Email delays", "Incoming mail is delayed by up to an hour.");
  private final IncidentMatcher.Profile hostingProfile = new IncidentMatcher.Profile(hosting,
      List.of("Web hosting", "sites", "cPanel"), "Web hosting unreachable\nSites on the EU cluster do not load.",
      List.of());
  private final IncidentMatcher.Profile mailProfile = new IncidentMatcher.Profile(mail,
      List.of("Email", "mailbox", "IMAP"), "Email delays\nIncoming mail is delayed by up to an hour.", List.of());

  @Test
  void shouldLinkAMessageThatNamesAComponentAndSaysItFails() {
    var match = IncidentMatcher.match("Hi, all my sites have been down since 9am!!", false,
        List.of(hostingProfile, mailProfile));

    assertThat(match).hasValueSatisfying(m -> {
      assertThat(m.incident()).isEqualTo(hosting);
      assertThat(m.reason()).contains("sites");
    });
  }

  @Test
  void shouldPickTheIncidentWhoseComponentTheMessageNames() {
    var match = IncidentMatcher.match("My mailbox is not working, IMAP times out", false,
        List.of(hostingProfile, mailProfile));

    assertThat(match).map(IncidentMatcher.Match::incident).contains(mail);
  }

  @Test
  void shouldFoldAccentsAndCaseWhenLookingForNames() {
    IncidentMatcher.Profile accented = new IncidentMatcher.Profile(hosting, List.of("Tableau de bord"), "Panne",
        List.of());

    assertThat(IncidentMatcher.match("Le TABLEAU DE BORD ne marche pas depuis ce matin", false, List.of(accented)))
        .isPresent();
  }

  @Test
  void shouldNotLinkAComponentNamedWithoutAnyTroubleNorUnrelatedMessages() {
    assertThat(IncidentMatcher.match("Can I add a second domain to my web hosting plan?", false,
        List.of(hostingProfile))).isEmpty();
    assertThat(IncidentMatcher.match("Please send me last month's invoice as a PDF.", false,
        List.of(hostingProfile, mailProfile))).isEmpty();
  }

  @Test
  void shouldLinkAnOutageMessageLikeEarlierReportsEvenWithoutAComponentName() {
    IncidentMatcher.Profile withReports = new IncidentMatcher.Profile(hosting, List.of("Web hosting"),
        hostingProfile.text(), List.of("Our shop example.org shows a 502 bad gateway error since this morning"));

    assertThat(IncidentMatcher.match("shop returns 502 bad gateway error, customers cannot order", false,
        List.of(withReports))).map(IncidentMatcher.Match::incident).contains(hosting);
  }

  @Test
  void shouldLinkAMessageMuchLikeALinkedReportEvenWithoutWordsOfAnOutage() {
    IncidentMatcher.Profile withReports = new IncidentMatcher.Profile(hosting, List.of("Web hosting"),
        hostingProfile.text(), List.of("Is something wrong with example.org? The shop page shows a blank page"));

    assertThat(IncidentMatcher.match("Something wrong with example.org? shop shows blank page", false,
        List.of(withReports))).map(IncidentMatcher.Match::incident).contains(hosting);
  }

  @Test
  void shouldTrustTheFrontDoorsOutageIntentWhenOnlyOneIncidentIsOpen() {
    String vague = "Nothing works for us, please help urgently";

    assertThat(IncidentMatcher.match(vague, true, List.of(hostingProfile))).isPresent();
    assertThat(IncidentMatcher.match(vague, false, List.of(hostingProfile))).isEmpty();
    assertThat(IncidentMatcher.match(vague, true, List.of(hostingProfile, mailProfile))).isEmpty();
  }

  @Test
  void shouldMatchNothingWhenNoIncidentIsOpenOrTheMessageIsEmpty() {
    assertThat(IncidentMatcher.match("sites down", true, List.of())).isEmpty();
    assertThat(IncidentMatcher.match("  ", true, List.of(hostingProfile))).isEmpty();
  }

  private static Incident incident(long number, String title, String message) {
    return new Incident(UUID.randomUUID(), number, title, Impact.MAJOR, IncidentState.INVESTIGATING, message,
        List.of(), START, START, "Lena", START, null, null, false, List.of(), 0);
  }
}
