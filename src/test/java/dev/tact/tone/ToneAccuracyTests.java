package dev.tact.tone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tone check on the check half of the Stanford Politeness dev part (odd upstream rows, never read while writing
 * the lexicon or choosing {@link ToneCheck#FLAG_AT}). The floors sit about a fifth below what bench/tone.sh measured
 * (precision 0.51 and recall 0.20 for the impolite label; 0.43 of the openly rude requests, score below -2, flagged;
 * 0.044 of the polite ones), so a lexicon change that loses a fifth of its worth fails here. Recall for the label
 * stays modest by design: the bottom quartile is mostly blunt questions ("What is your question?"), which a reply
 * box must not flag.
 */
class ToneAccuracyTests {

  private static final ToneCheck CHECK = new ToneCheck();
  private static final ToneCorpus CORPUS = ToneCorpus.load();

  @Test
  void impoliteRequestsAreFoundWithPrecisionAboveTheFloor() {
    ToneScores scores = ToneScores.of(CHECK, CORPUS.check());

    assertThat(scores.items()).isGreaterThan(4000);
    assertThat(scores.precision()).as("precision for impolite").isGreaterThanOrEqualTo(0.42);
    assertThat(scores.recall()).as("recall for impolite").isGreaterThanOrEqualTo(0.16);
  }

  @Test
  void theOpenlyRudeAreFlaggedFarMoreOftenThanThePolite() {
    List<ToneCorpus.Item> rude = CORPUS.check().stream().filter(i -> i.score() < -2).toList();
    List<ToneCorpus.Item> polite = CORPUS.check().stream().filter(i -> i.label().equals("polite")).toList();

    assertThat(ToneScores.flagRate(CHECK, rude)).as("flagged among score < -2").isGreaterThanOrEqualTo(0.34);
    assertThat(ToneScores.flagRate(CHECK, polite)).as("flagged among polite").isLessThanOrEqualTo(0.06);
  }
}
