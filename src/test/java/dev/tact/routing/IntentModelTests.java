package dev.tact.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API on a model trained on the default seeds (no corpus needed). */
class IntentModelTests {

  private static IntentModel model;
  private static List<String> probes;

  @BeforeAll
  static void train() {
    model = DefaultIntents.seedModel();
    probes = new ArrayList<>(List.of("my invoice is wrong", "the app crashes", "", "!!!", "password reset",
        "Quiero hablar con ventas", "ＦＵＬＬ ＷＩＤＴＨ", "\u0000\u0001\uFFFF", "\uD800 lone surrogate"));
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      probes.add(randomText(random, 1 + random.nextInt(200)));
    }
  }

  @Test
  void shouldGiveTheSameModelWhenTrainedTwiceWithTheSameSeed() {
    IntentModel again = DefaultIntents.seedModel();
    assertThat(again.toBytes()).isEqualTo(model.toBytes());
  }

  @Test
  void shouldGiveAnotherModelWhenTheSeedDiffers() {
    IntentModel other = new IntentTrainer().train(DefaultIntents.examples(), DefaultIntents.seedOptions()
        .withSeed(99));
    assertThat(other.toBytes()).isNotEqualTo(model.toBytes());
    assertThat(other.intents()).isEqualTo(model.intents());
  }

  @Test
  void shouldPredictIdenticallyWhenReadBackFromBytes() {
    IntentModel copy = IntentModel.fromBytes(model.toBytes());
    assertThat(copy.intents()).isEqualTo(model.intents());
    for (String probe : probes) {
      assertThat(copy.probabilities(probe)).isEqualTo(model.probabilities(probe));
      assertThat(copy.predict(probe)).isEqualTo(model.predict(probe));
    }
  }

  @Test
  void shouldGiveProbabilitiesThatSumToOneAndASortedTopWhenTextIsAnything() {
    for (String probe : probes) {
      Prediction prediction = model.predict(probe);
      double[] all = model.probabilities(probe);
      assertThat(Arrays.stream(all).sum()).isCloseTo(1.0, within(1e-9));
      assertThat(Arrays.stream(all).boxed()).allMatch(p -> p >= 0 && p <= 1);
      assertThat(prediction.top()).hasSize(5);
      assertThat(prediction.top().get(0).intent()).isEqualTo(prediction.intent());
      assertThat(prediction.confidence()).isEqualTo(Arrays.stream(all).max().orElseThrow());
      for (int i = 1; i < prediction.top().size(); i++) {
        assertThat(prediction.top().get(i).probability()).isLessThanOrEqualTo(prediction.top().get(i - 1)
            .probability());
      }
      assertThat(prediction.top().stream().mapToDouble(Scored::probability).sum()).isLessThanOrEqualTo(1 + 1e-9);
    }
  }

  @Test
  void shouldNotThrowWhenTextIsNullHugeOrOdd() {
    String huge = "refund ".repeat(300_000);
    assertThat(model.predict(null).intent()).isIn(model.intents());
    assertThat(model.predict(huge).intent()).isIn(model.intents());
    assertThat(model.predict("\uDBFF\uDFFF".repeat(10_000)).intent()).isIn(model.intents());
  }

  @Test
  void shouldBeLessSureWhenTextHasNoKnownFeatureThanWhenItIsASeed() {
    double unknown = model.predict("zzzq xxyv").confidence();
    double seed = model.predict("I was charged twice this month").confidence();
    assertThat(seed).isGreaterThan(unknown);
    assertThat(unknown).isLessThan(0.5);
  }

  @Test
  void shouldPredictAsAloneWhenThreadsShareTheModel() throws Exception {
    List<Prediction> alone = probes.stream().map(model::predict).toList();
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<List<Prediction>>> together = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        together.add(threads.submit(() -> probes.stream().map(model::predict).toList()));
      }
      for (Future<List<Prediction>> result : together) {
        assertThat(result.get()).isEqualTo(alone);
      }
    }
  }

  @Test
  void shouldRejectBytesWhenTheyAreNotAModel() {
    byte[] bytes = model.toBytes();
    Random random = new Random(5);
    List<byte[]> broken = new ArrayList<>(List.of(new byte[0], new byte[] {0, 1, 0, 5, 1, 2, 3},
        Arrays.copyOf(bytes, bytes.length / 2), Arrays.copyOf(bytes, 40)));
    for (int i = 0; i < 20; i++) {
      byte[] flipped = bytes.clone();
      int at = 4 + random.nextInt(bytes.length - 4);
      flipped[at] ^= (byte) (1 + random.nextInt(255));
      broken.add(flipped);
    }
    byte[] otherVersion = bytes.clone();
    otherVersion[1] = 9;
    broken.add(otherVersion);
    for (byte[] bad : broken) {
      assertThatThrownBy(() -> IntentModel.fromBytes(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> IntentModel.fromBytes(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseToTrainWhenThereAreNoExamples() {
    assertThatThrownBy(() -> new IntentTrainer().train(List.of(), TrainingOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPredictTheOnlyIntentWhenTrainedOnOne() {
    IntentModel single = new IntentTrainer().train(List.of(new LabelledText("hello", "greeting")),
        TrainingOptions.defaults());
    Prediction prediction = single.predict("anything at all");
    assertThat(prediction.intent()).isEqualTo("greeting");
    assertThat(prediction.confidence()).isEqualTo(1.0);
    assertThat(prediction.top()).hasSize(1);
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (' ' + random.nextInt(95)));
    }
    return text.toString();
  }
}
