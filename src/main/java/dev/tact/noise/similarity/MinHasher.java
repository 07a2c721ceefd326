package dev.tact.noise.similarity;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Signs a normalised text (see {@link TextNormaliser}) with MinHash over its shingles. A text of at least
 * {@code shingleSize + 2} words is shingled into overlapping runs of {@code shingleSize} words; a shorter one
 * into overlapping runs of {@value #CHARACTER_SHINGLE} characters (spaces included), which still gives a
 * handful of shingles where word runs would give one or two. Words are runs of letters and digits.
 *
 * <p>Each of the {@code hashCount} hash functions is a multiply-shift hash of a 64-bit shingle hash, with
 * factors drawn from {@code seed}; signatures are only comparable between hashers of the same configuration.
 * Immutable and thread-safe.
 */
public final class MinHasher {

  public static final int DEFAULT_HASH_COUNT = 96;
  public static final int DEFAULT_SHINGLE_SIZE = 3;
  public static final long DEFAULT_SEED = 0x7AC7_5EED_2026L;
  static final int CHARACTER_SHINGLE = 4;

  private final int hashCount;
  private final int shingleSize;
  private final long[] multipliers;
  private final long[] addends;

  public MinHasher() {
    this(DEFAULT_HASH_COUNT, DEFAULT_SHINGLE_SIZE, DEFAULT_SEED);
  }

  public MinHasher(int hashCount, int shingleSize, long seed) {
    if (hashCount < 1 || hashCount > 4096) {
      throw new IllegalArgumentException("hashCount must be 1..4096: " + hashCount);
    }
    if (shingleSize < 1 || shingleSize > 16) {
      throw new IllegalArgumentException("shingleSize must be 1..16: " + shingleSize);
    }
    this.hashCount = hashCount;
    this.shingleSize = shingleSize;
    SplittableRandom random = new SplittableRandom(seed);
    multipliers = new long[hashCount];
    addends = new long[hashCount];
    for (int i = 0; i < hashCount; i++) {
      multipliers[i] = random.nextLong() | 1;
      addends[i] = random.nextLong();
    }
  }

  public int hashCount() {
    return hashCount;
  }

  public int shingleSize() {
    return shingleSize;
  }

  /** The signature of a normalised text; {@link Signature#empty()} when it has no word. */
  public Signature sign(String normalisedText) {
    long[] shingles = shingleHashes(normalisedText == null ? "" : normalisedText);
    if (shingles.length == 0) {
      return Signature.empty();
    }
    long[] minimum = new long[hashCount];
    Arrays.fill(minimum, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < hashCount; i++) {
        minimum[i] = Math.min(minimum[i], (multipliers[i] * shingle + addends[i]) >>> 32);
      }
    }
    byte[] values = new byte[hashCount];
    for (int i = 0; i < hashCount; i++) {
      values[i] = (byte) minimum[i];
    }
    return new Signature(values, shingles.length);
  }

  /** The distinct shingle hashes of a text, sorted; visible for tests (exact Jaccard). */
  long[] shingleHashes(String text) {
    long[] words = wordHashes(text);
    long[] hashes;
    if (words.length >= shingleSize + 2) {
      hashes = new long[words.length - shingleSize + 1];
      for (int start = 0; start < hashes.length; start++) {
        long h = 0x9E37_79B9_7F4A_7C15L;
        for (int j = 0; j < shingleSize; j++) {
          h = mix(h * 0x100_0000_01B3L + words[start + j]);
        }
        hashes[start] = h;
      }
    } else if (words.length > 0) {
      hashes = characterShingles(joinWords(text));
    } else {
      return new long[0];
    }
    return distinct(hashes);
  }

  private static long[] characterShingles(String joined) {
    if (joined.length() <= CHARACTER_SHINGLE) {
      return new long[] {mix(stringHash(joined, 0, joined.length()) ^ 0x5A5AL)};
    }
    long[] hashes = new long[joined.length() - CHARACTER_SHINGLE + 1];
    for (int start = 0; start < hashes.length; start++) {
      hashes[start] = mix(stringHash(joined, start, start + CHARACTER_SHINGLE) ^ 0x5A5AL);
    }
    return hashes;
  }

  private static String joinWords(String text) {
    StringBuilder joined = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (Character.isLetterOrDigit(c)) {
        joined.appendCodePoint(c);
      } else if (joined.length() > 0 && joined.charAt(joined.length() - 1) != ' ') {
        joined.append(' ');
      }
      i += Character.charCount(c);
    }
    int end = joined.length();
    while (end > 0 && joined.charAt(end - 1) == ' ') {
      end--;
    }
    return joined.substring(0, end);
  }

  private static long[] wordHashes(String text) {
    long[] words = new long[Math.max(8, text.length() / 4)];
    int count = 0;
    int i = 0;
    int length = text.length();
    while (i < length) {
      while (i < length && !Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      int start = i;
      while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      if (i > start) {
        if (count == words.length) {
          words = Arrays.copyOf(words, count * 2);
        }
        words[count++] = stringHash(text, start, i);
      }
    }
    return Arrays.copyOf(words, count);
  }

  private static long[] distinct(long[] hashes) {
    Arrays.sort(hashes);
    int unique = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[unique++] = hashes[i];
      }
    }
    return unique == hashes.length ? hashes : Arrays.copyOf(hashes, unique);
  }

  /** FNV-1a over the UTF-16 units, finished by {@link #mix}. */
  static long stringHash(CharSequence text, int start, int end) {
    long h = 0xCBF2_9CE4_8422_2325L;
    for (int i = start; i < end; i++) {
      h ^= text.charAt(i);
      h *= 0x100_0000_01B3L;
    }
    return mix(h);
  }

  /** The finaliser of SplitMix64 / MurmurHash3: spreads every input bit over the whole word. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
