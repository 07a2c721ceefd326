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

  /** corpus -> {exact-match floor, line-accuracy floor, mapped-checks floor}, as fractions. */
  private static final Map<String, double[]> FLOORS = Map.of(
      "reply-github-email_reply_parser", new double[] {0.99, 0.99, 0.99},
      "reply-zapier-email-reply-parser", new double[] {0.99, 0.99, 0.99},
      "reply-willdurand-EmailReplyParser", new double[] {0.93, 0.96, 0.90},
      "reply-crisp-email-reply-parser", new double[] {0.92, 0.97, 0.95},
      "reply-discourse-email_reply_trimmer", new double[] {0.85, 0.95, 0.0},
      "talon-standard-replies", new double[] {0.80, 0.95, 0.99},
      "talon-html-replies", new double[] {0.80, 0.92, 0.0},
      "talon-signatures", new double[] {0.0, 0.30, 0.0},
      "email-discourse-receiver-labels", new double[] {0.45, 0.55, 0.0});

  static Stream<Arguments> corpora() {
    return ReplyCorpus.CORPORA.stream().map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("corpora")
  void shouldStayAboveFloorWhenScoringCorpus(String corpus) {
    ReplyAccuracyReport.Figures figures = ReplyAccuracyReport.measure(corpus, new ReplyExtractor());
    double[] floor = FLOORS.get(corpus);
    System.out.printf("%s: %d fixtures, exact %d (%.1f%%), line accuracy %.1f%%, checks %d/%d%n", corpus,
        figures.fixtures(), figures.exact(), 100 * figures.exactRate(), 100 * figures.lineAccuracy(),
        figures.checksPassed(), figures.checks());
    assertThat(figures.fixtures()).as("fixtures with a reply expectation").isPositive();
    assertThat(figures.exactRate()).as("exact-match rate").isGreaterThanOrEqualTo(floor[0]);
    assertThat(figures.lineAccuracy()).as("line-level accuracy").isGreaterThanOrEqualTo(floor[1]);
    double checkRate = figures.checks() == 0 ? 1 : (double) figures.checksPassed() / figures.checks();
    assertThat(checkRate).as("mapped checks passed").isGreaterThanOrEqualTo(floor[2]);
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
