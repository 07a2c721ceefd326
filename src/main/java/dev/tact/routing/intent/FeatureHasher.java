package dev.tact.routing.intent;

/**
 * Hashes a normalised text's features into buckets of a fixed space (the hashing trick: memory stays bounded
 * whatever the vocabulary). Each feature family has its own seed, so a word and an equal character n-gram do not
 * share a bucket by construction. Stateless and thread-safe; the same text always gives the same buckets.
 */
public final class FeatureHasher {

  private static final int WORD_SEED = 0x9747b28c;
  private static final int BIGRAM_SEED = 0x85ebca6b;
  private static final int CHAR_SEED = 0xc2b2ae35;

  private final FeatureSettings settings;
  private final int mask;

  /** A hasher for the given settings. */
  public FeatureHasher(FeatureSettings settings) {
    this.settings = settings;
    this.mask = (1 << settings.hashBits()) - 1;
  }

  /** The settings. */
  public FeatureSettings settings() {
    return settings;
  }

  /** The buckets of every feature of the raw text (normalised first), one entry per occurrence, sorted. */
  public int[] buckets(String text) {
    IntList out = new IntList();
    buckets(TextNormaliser.normalise(text, settings.maxChars()), out);
    out.sort();
    int[] result = new int[out.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = out.get(i);
    }
    return result;
  }

  /** Appends the bucket of every feature of an already normalised text to {@code out}. */
  void buckets(String normalised, IntList out) {
    int previousWord = 0;
    boolean hasPrevious = false;
    int start = 0;
    int length = normalised.length();
    for (int i = 0; i <= length; i++) {
      if (i < length && normalised.charAt(i) != ' ') {
        continue;
      }
      if (i > start) {
        int word = hash(normalised, start, i, WORD_SEED);
        out.add(word & mask);
        if (settings.wordBigrams() && hasPrevious) {
          out.add(mix(previousWord * 0x1b873593 + word, BIGRAM_SEED) & mask);
        }
        previousWord = word;
        hasPrevious = true;
        charGrams(normalised, start, i, out);
      }
      start = i + 1;
    }
  }

  /** Character n-grams of the word at [start, end) padded by a space each side (the space is virtual). */
  private void charGrams(String text, int start, int end, IntList out) {
    if (settings.charMin() == 0) {
      return;
    }
    int padded = end - start + 2;
    for (int n = settings.charMin(); n <= settings.charMax() && n <= padded; n++) {
      for (int from = 0; from + n <= padded; from++) {
        int h = CHAR_SEED ^ n;
        for (int k = from; k < from + n; k++) {
          char c = k == 0 || k == padded - 1 ? ' ' : text.charAt(start + k - 1);
          h = (h ^ c) * 0x01000193;
        }
        out.add(fmix(h) & mask);
      }
    }
  }

  private static int hash(String text, int start, int end, int seed) {
    int h = seed;
    for (int i = start; i < end; i++) {
      h = (h ^ text.charAt(i)) * 0x01000193;
    }
    return fmix(h);
  }

  private static int mix(int value, int seed) {
    return fmix(value ^ seed);
  }

  /** MurmurHash3's finaliser: spreads every input bit over the whole word. */
  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
