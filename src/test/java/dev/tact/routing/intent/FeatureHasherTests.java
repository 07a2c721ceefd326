package dev.tact.routing.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureHasherTests {

  private static final FeatureSettings SETTINGS = new FeatureSettings(16, true, 3, 5, 10_000);

  @Test
  void shouldGiveTheSameBucketsWhenHashersAreSeparateInstances() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      String text = randomWords(random);
      assertThat(new FeatureHasher(SETTINGS).buckets(text)).isEqualTo(new FeatureHasher(SETTINGS).buckets(text));
    }
  }

  @Test
  void shouldKeepEveryBucketInsideTheSpaceWhenTextsAreRandom() {
    Random random = new Random(11);
    FeatureHasher hasher = new FeatureHasher(new FeatureSettings(10, true, 2, 6, 10_000));
    for (int i = 0; i < 500; i++) {
      assertThat(Arrays.stream(hasher.buckets(randomWords(random))).boxed()).allMatch(b -> b >= 0 && b < 1024);
    }
  }

  @Test
  void shouldCountOneFeaturePerWordBigramAndCharacterGramWhenTextIsKnown() {
    // "my card": words 2, bigram 1; " my " has 4 chars: 3-grams 2, 4-grams 1; " card " has 6: 4 + 3 + 2
    assertThat(new FeatureHasher(SETTINGS).buckets("My card!")).hasSize(2 + 1 + 3 + 9);
  }

  @Test
  void shouldTellWordOrderApartOnlyByBigramsWhenWordsAreSwapped() {
    FeatureHasher withBigrams = new FeatureHasher(SETTINGS);
    FeatureHasher withoutBigrams = new FeatureHasher(new FeatureSettings(16, false, 3, 5, 10_000));
    assertThat(withBigrams.buckets("card lost")).isNotEqualTo(withBigrams.buckets("lost card"));
    assertThat(withoutBigrams.buckets("card lost")).isEqualTo(withoutBigrams.buckets("lost card"));
  }

  @Test
  void shouldGiveNoBucketsWhenTextHasNoWords() {
    assertThat(new FeatureHasher(SETTINGS).buckets("  ...  ")).isEmpty();
    assertThat(new FeatureHasher(SETTINGS).buckets(null)).isEmpty();
  }

  @Test
  void shouldSpreadWordsOverManyBucketsWhenVocabularyIsLarge() {
    FeatureHasher hasher = new FeatureHasher(new FeatureSettings(16, false, 0, 0, 10_000));
    int[] buckets = new int[5000];
    for (int i = 0; i < buckets.length; i++) {
      StringBuilder word = new StringBuilder("w");
      for (int rest = i; rest > 0; rest /= 26) {
        word.append((char) ('a' + rest % 26));
      }
      buckets[i] = hasher.buckets(word.toString())[0];
    }
    long distinct = Arrays.stream(buckets).distinct().count();
    assertThat(distinct).as("5000 words in 65536 buckets collide rarely").isGreaterThan(4700);
  }

  private static String randomWords(Random random) {
    StringBuilder text = new StringBuilder();
    int words = random.nextInt(12);
    for (int w = 0; w < words; w++) {
      int length = 1 + random.nextInt(9);
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(random.nextBoolean() ? " " : ", ");
    }
    return text.toString();
  }
}
