package dev.tact.noise.similarity;

/** INTERIM: replaced by noise-core's MinHash at merge. */
public final class MinHasher {

  private static final int HASHES = 64;
  private static final int SHINGLE = 3;

  public Signature sign(String normalisedText) {
    String[] words = normalisedText == null || normalisedText.isBlank() ? new String[0] : normalisedText.split(" ");
    if (words.length < SHINGLE + 2) {
      return new Signature(new int[0]);
    }
    int[] mins = new int[HASHES];
    java.util.Arrays.fill(mins, Integer.MAX_VALUE);
    for (int i = 0; i + SHINGLE <= words.length; i++) {
      int h = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + SHINGLE)).hashCode();
      for (int k = 0; k < HASHES; k++) {
        int v = mix(h ^ (0x9E3779B9 * (k + 1)));
        if (v < mins[k]) {
          mins[k] = v;
        }
      }
    }
    return new Signature(mins);
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    x *= 0x846ca68b;
    x ^= x >>> 16;
    return x;
  }
}
