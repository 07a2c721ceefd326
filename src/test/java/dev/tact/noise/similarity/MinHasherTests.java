package dev.tact.noise.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MinHasherTests {

  private static final int TRIES = 150;
  private static final String[] VOCABULARY = new String[400];

  static {
    Random words = new Random(1);
    for (int i = 0; i < VOCABULARY.length; i++) {
      char[] word = new char[3 + words.nextInt(6)];
      for (int j = 0; j < word.length; j++) {
        word[j] = (char) ('a' + words.nextInt(26));
      }
      VOCABULARY[i] = new String(word);
    }
  }

  private final MinHasher hasher = new MinHasher();

  @Test
  void shouldEstimateJaccardWithinFourStandardErrorsWhenTextsShareParts() {
    forEachTry(random -> {
      String a = randomText(random, 20 + random.nextInt(200));
      String b = mutate(random, a);
      double exact = exactJaccard(a, b);
      double estimate = hasher.sign(a).similarity(hasher.sign(b));
      double tolerance = 4 * Math.sqrt(Math.max(exact * (1 - exact), 0.02) / hasher.hashCount()) + 0.02;
      assertThat(estimate).as("exact %.3f for%n%s%n%s", exact, a, b).isCloseTo(exact,
          org.assertj.core.data.Offset.offset(tolerance));
    });
  }

  @Test
  void shouldHaveSmallMeanErrorOverManyPairs() {
    long seed = Long.getLong("tact.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    double sum = 0;
    for (int i = 0; i < 400; i++) {
      String a = randomText(random, 50 + random.nextInt(100));
      String b = mutate(random, a);
      sum += hasher.sign(a).similarity(hasher.sign(b)) - exactJaccard(a, b);
    }
    assertThat(Math.abs(sum / 400)).as("mean error, -Dtact.fuzz.seed=" + seed).isLessThan(0.02);
  }

  @Test
  void shouldGiveOneForTheSameTextAndLittleForUnrelatedTexts() {
    forEachTry(random -> {
      String a = randomText(random, 30 + random.nextInt(100));
      String c = randomText(random, 30 + random.nextInt(100));
      assertThat(hasher.sign(a).similarity(hasher.sign(a))).isEqualTo(1.0);
      assertThat(hasher.sign(a).similarity(hasher.sign(c))).isLessThan(0.2);
    });
  }

  @Test
  void shouldUseCharacterShinglesForVeryShortTexts() {
    Signature one = hasher.sign("where is my card");
    assertThat(one.shingleCount()).isEqualTo("where is my card".length() - MinHasher.CHARACTER_SHINGLE + 1);
    assertThat(hasher.sign("hi").shingleCount()).isEqualTo(1);
    assertThat(hasher.sign("!!! ...").isEmpty()).isTrue();
    assertThat(hasher.sign("where is my card?").similarity(one)).isEqualTo(1.0);
  }

  @Test
  void shouldRoundTripThroughBytes() {
    forEachTry(random -> {
      Signature signature = hasher.sign(randomText(random, 1 + random.nextInt(300)));
      Signature copy = Signature.fromBytes(signature.toBytes());
      assertThat(copy).isEqualTo(signature);
      assertThat(copy.shingleCount()).isEqualTo(signature.shingleCount());
      assertThat(copy.similarity(signature)).isEqualTo(1.0);
    });
    assertThat(Signature.fromBytes(Signature.empty().toBytes()).isEmpty()).isTrue();
    assertThatThrownBy(() -> Signature.fromBytes(new byte[] {9, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signature.fromBytes(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDependOnTheSeed() {
    String text = randomText(new Random(3), 80);
    assertThat(new MinHasher(96, 3, 1).sign(text)).isNotEqualTo(new MinHasher(96, 3, 2).sign(text));
    assertThat(new MinHasher(96, 3, 1).sign(text)).isEqualTo(new MinHasher(96, 3, 1).sign(text));
  }

  private double exactJaccard(String a, String b) {
    long[] x = hasher.shingleHashes(a);
    long[] y = hasher.shingleHashes(b);
    int common = 0;
    for (long h : x) {
      if (Arrays.binarySearch(y, h) >= 0) {
        common++;
      }
    }
    return (double) common / (x.length + y.length - common);
  }

  private static String randomText(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
    }
    return text.toString();
  }

  /** Replaces, inserts and deletes a random share of the words. */
  private static String mutate(Random random, String text) {
    String[] words = text.split(" ");
    double rate = random.nextDouble() * 0.3;
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      double r = random.nextDouble();
      String next = r < rate / 3 ? "" : r < 2 * rate / 3 ? VOCABULARY[random.nextInt(VOCABULARY.length)]
          : r < rate ? word + " " + VOCABULARY[random.nextInt(VOCABULARY.length)] : word;
      if (!next.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ").append(next);
      }
    }
    return out.isEmpty() ? words[0] : out.toString();
  }

  private static void forEachTry(Consumer<Random> check) {
    long seed = Long.getLong("tact.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < TRIES; i++) {
      try {
        check.accept(random);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("try " + i + " with -Dtact.fuzz.seed=" + seed + " failed: " + e.getMessage(), e);
      }
    }
  }
}
