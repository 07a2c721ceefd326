package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs every dev fixture of the reply corpora (see {@link ReplyScoring} for the metric definitions) and holds
 * each corpus to a floor a little under what the extractor reaches, so a regression fails the build.
 */
class ReplyCorpusTests {

  /**
   * A corpus's floors, as fractions a little under what the extractor reached (bench/RESULTS.md, issue 14);
   * {@code checks} is null for corpora none of whose upstream checks maps onto Tact's model, which the test then
   * asserts instead of holding a floor that could not fail.
   */
  private record Floor(double exact, double lines, Double checks) {
  }

  private static final Map<String, Floor> FLOORS = Map.of(
      "reply-github-email_reply_parser", new Floor(0.99, 0.99, 0.99),
      "reply-zapier-email-reply-parser", new Floor(0.99, 0.99, 0.99),
      "reply-willdurand-EmailReplyParser", new Floor(0.96, 0.98, 0.95),
      "reply-crisp-email-reply-parser", new Floor(0.93, 0.98, 0.97),
      "reply-discourse-email_reply_trimmer", new Floor(0.92, 0.96, null),
      "talon-standard-replies", new Floor(0.80, 0.96, 0.99),
      "talon-html-replies", new Floor(0.85, 0.94, null),
      "talon-signatures", new Floor(0.66, 0.90, null),
      "email-discourse-receiver-labels", new Floor(0.74, 0.60, null));

  static Stream<Arguments> corpora() {
    return ReplyCorpus.CORPORA.stream().map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("corpora")
  void shouldStayAboveFloorWhenScoringCorpus(String corpus) {
    ReplyAccuracyReport.Figures figures = ReplyAccuracyReport.measure(corpus, new ReplyExtractor());
    Floor floor = FLOORS.get(corpus);
    System.out.printf("%s: %d fixtures, exact %d (%.1f%%), line accuracy %.1f%%, checks %d/%d%n", corpus,
        figures.fixtures(), figures.exact(), 100 * figures.exactRate(), 100 * figures.lineAccuracy(),
        figures.checksPassed(), figures.checks());
    assertThat(figures.fixtures()).as("fixtures with a reply expectation").isPositive();
    assertThat(figures.exactRate()).as("exact-match rate").isGreaterThanOrEqualTo(floor.exact());
    assertThat(figures.lineAccuracy()).as("line-level accuracy").isGreaterThanOrEqualTo(floor.lines());
    if (floor.checks() == null) {
      assertThat(figures.checks()).as("upstream checks that map onto Tact's model").isZero();
    } else {
      assertThat(figures.checks()).as("upstream checks that map onto Tact's model").isPositive();
      assertThat((double) figures.checksPassed() / figures.checks()).as("mapped checks passed")
          .isGreaterThanOrEqualTo(floor.checks());
    }
  }

  @Test
  void shouldNotLoseAFixtureWhenRulesAreChosenWithoutTheFamilyTheyAreScoredOn() {
    List<LeaveOneFamilyOut.Result> results = LeaveOneFamilyOut.run();
    int fixtures = results.stream().mapToInt(LeaveOneFamilyOut.Result::fixtures).sum();
    int chosen = results.stream().mapToInt(LeaveOneFamilyOut.Result::exactChosen).sum();
    int none = results.stream().mapToInt(LeaveOneFamilyOut.Result::exactNone).sum();
    assertThat((double) chosen / fixtures).as("exact, rules chosen without the family scored").isGreaterThanOrEqualTo(0.92);
    assertThat(chosen).as("the issue-14 rules help on families they were not chosen on").isGreaterThan(none);
  }

  @Test
  void shouldRecoverOriginalSenderWhenReceiverLabelsSayForwarded() {
    List<ReplyCorpus.Forward> forwards = ReplyCorpus.forwards();
    assertThat(forwards).isNotEmpty();
    ForwardDetector detector = new ForwardDetector();
    for (ReplyCorpus.Forward forward : forwards) {
      Optional<ForwardedMessage> found = detector.detect(forward.subject(), forward.text());
      JsonNode labels = forward.labels();
      assertThat(found).as(forward.name()).isPresent();
      assertThat(found.get().fromAddress()).as(forward.name())
          .isEqualToIgnoringCase(labels.path("original_sender").asString());
      if (labels.has("original_sender_name")) {
        assertThat(found.get().fromName()).isEqualTo(labels.path("original_sender_name").asString());
      }
      JsonNode note = labels.path("forwarder_note");
      assertThat(found.get().comment()).as(forward.name()).isEqualTo(note.isNull() ? "" : note.asString());
      if (labels.has("original_body_contains")) {
        assertThat(found.get().text()).contains(labels.path("original_body_contains").asString());
      }
    }
  }

  @Test
  void shouldFindEmbeddedEmailWhenTrimmerCorpusLabelsOne() {
    List<String[]> items = ReplyCorpus.embedded();
    assertThat(items).isNotEmpty();
    ForwardDetector detector = new ForwardDetector();
    for (String[] item : items) {
      Optional<ForwardedMessage> found = detector.detect("Fwd: x", item[1]);
      assertThat(found).as(item[0]).isPresent();
      assertThat(item[2]).as(item[0]).contains(found.get().text().strip());
      assertThat(found.get().comment()).as(item[0]).isEqualTo(item[3]);
    }
  }

  @Test
  void shouldFailWhenCorporaFolderIsMissing() {
    // the corpora are required: root() must find them here (CI always has them)
    assertThat(ReplyCorpus.root()).isDirectory();
  }
}
