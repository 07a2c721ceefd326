package dev.tact.routing.intent;

/**
 * Which features a text gives: word unigrams, word bigrams when {@code wordBigrams}, and character n-grams of
 * {@code charMin}..{@code charMax} characters inside each word (padded with a space on either side, so prefixes
 * and suffixes are features of their own), all hashed into {@code 2^hashBits} buckets.
 *
 * @param hashBits bucket space, 10..24 bits
 * @param wordBigrams whether pairs of neighbouring words are features
 * @param charMin shortest character n-gram, 0 for none
 * @param charMax longest character n-gram
 * @param maxChars only this many leading characters of a text are read
 */
public record FeatureSettings(int hashBits, boolean wordBigrams, int charMin, int charMax, int maxChars) {

  /** Checks the ranges. */
  public FeatureSettings {
    if (hashBits < 10 || hashBits > 24) {
      throw new IllegalArgumentException("hashBits must be in 10..24: " + hashBits);
    }
    if (charMin < 0 || charMax < charMin || charMax > 12) {
      throw new IllegalArgumentException("need 0 <= charMin <= charMax <= 12: " + charMin + ".." + charMax);
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
  }
}
