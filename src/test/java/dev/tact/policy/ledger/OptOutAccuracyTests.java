package dev.tact.policy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opt-out detection on text that asks for nothing of the kind (the intent corpora's customer utterances) and on
 * real opt-out requests, held to a ceiling and floors a little over and under what bench/optout-accuracy.sh
 * measured (0.036 % of 30,917 utterances flagged, none recorded; all 91 requests recorded on their channel).
 */
class OptOutAccuracyTests {

  private final OptOutClassifier classifier = new OptOutClassifier();

  @Test
  void shouldFlagFewerThanOneInTwoThousandUtterancesWhenNoneAsksToStopContact() {
    List<OptOutAccuracy.CorpusFigures> corpora = OptOutAccuracy.falsePositives(classifier);
    int counted = corpora.stream().mapToInt(OptOutAccuracy.CorpusFigures::counted).sum();
    int recorded = corpora.stream().mapToInt(OptOutAccuracy.CorpusFigures::clear).sum();
    int flagged = recorded + corpora.stream().mapToInt(OptOutAccuracy.CorpusFigures::unclear).sum();
    corpora.forEach(f -> System.out.printf("%s: %d counted, %d recorded, %d queued%n", f.corpus(), f.counted(),
        f.clear(), f.unclear()));
    assertThat(counted).as("utterances counted").isGreaterThan(30_000);
    assertThat((double) flagged / counted).as("false-positive rate (recorded or queued)").isLessThanOrEqualTo(0.0005);
    assertThat(recorded).as("utterances recorded as opt-outs").isLessThanOrEqualTo(1);
  }

  @Test
  void shouldRecordRealOptOutRequestsOnTheChannelTheyName() {
    OptOutAccuracy.RecallFigures recall = OptOutAccuracy.recall(classifier);
    System.out.println("opt-out recall misses: " + recall.missed());
    assertThat(recall.cases()).isGreaterThanOrEqualTo(90);
    assertThat(recall.clearRate()).as("recorded (CLEAR)").isGreaterThanOrEqualTo(0.97);
    assertThat(recall.flaggedRate()).as("recorded or queued").isGreaterThanOrEqualTo(0.99);
    assertThat(recall.channelRate()).as("channel right among the recorded").isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void shouldNotCountTheExcludedIntentsAsFalsePositives() {
    OptOutAccuracy.CorpusFigures bitext = OptOutAccuracy.falsePositives(classifier).stream()
        .filter(f -> f.corpus().equals("intent-bitext-customer-support")).findFirst().orElseThrow();
    assertThat(bitext.excluded()).as("Bitext newsletter_subscription rows").isEqualTo(100);
    assertThat(bitext.flagged()).noneMatch(s -> s.contains("newsletter_subscription"));
  }
}
