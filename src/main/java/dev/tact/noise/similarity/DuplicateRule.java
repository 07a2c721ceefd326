package dev.tact.noise.similarity;

import java.util.Locale;

/**
 * When one message is a duplicate of another: estimated Jaccard similarity at least {@code threshold}
 * <strong>and</strong> the same author (the original sender). Two different senders asking the same question
 * are never duplicates. When the author of either message is unknown (a forward whose header lacked an
 * address), only texts of at least {@code minShinglesWithoutAuthor} distinct shingles on both sides may match:
 * long pitches stay collapsible, short questions never merge on text alone. See ADR 0012.
 */
public record DuplicateRule(double threshold, int minShinglesWithoutAuthor) {

  public static final double DEFAULT_THRESHOLD = 0.8;
  public static final int DEFAULT_MIN_SHINGLES_WITHOUT_AUTHOR = 40;
  /** The author hash standing for "unknown". */
  public static final long UNKNOWN_AUTHOR = 0;

  public DuplicateRule {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    if (minShinglesWithoutAuthor < 1) {
      throw new IllegalArgumentException("minShinglesWithoutAuthor must be positive: " + minShinglesWithoutAuthor);
    }
  }

  public static DuplicateRule defaults() {
    return new DuplicateRule(DEFAULT_THRESHOLD, DEFAULT_MIN_SHINGLES_WITHOUT_AUTHOR);
  }

  /** The same rule with another similarity threshold. */
  public DuplicateRule withThreshold(double newThreshold) {
    return new DuplicateRule(newThreshold, minShinglesWithoutAuthor);
  }

  /** Whether message {@code a} is a duplicate of message {@code b}; author keys may be null (unknown). */
  public boolean isDuplicate(String authorA, Signature a, String authorB, Signature b) {
    return authorsAllow(authorHash(authorA), a.shingleCount(), authorHash(authorB), b.shingleCount())
        && similarEnough(a.similarity(b));
  }

  public boolean similarEnough(double similarity) {
    return similarity >= threshold;
  }

  /** The author part of the rule, on author hashes ({@link #authorHash}) and distinct shingle counts. */
  public boolean authorsAllow(long authorA, int shinglesA, long authorB, int shinglesB) {
    if (authorA != UNKNOWN_AUTHOR && authorB != UNKNOWN_AUTHOR) {
      return authorA == authorB;
    }
    return shinglesA >= minShinglesWithoutAuthor && shinglesB >= minShinglesWithoutAuthor;
  }

  /**
   * A 64-bit hash of an author key, trimmed and lower-cased ({@code Anna@Example.com} and
   * {@code anna@example.com} are one author); {@link #UNKNOWN_AUTHOR} for null or blank.
   */
  public static long authorHash(String authorKey) {
    if (authorKey == null || authorKey.isBlank()) {
      return UNKNOWN_AUTHOR;
    }
    String key = authorKey.strip().toLowerCase(Locale.ROOT);
    long h = MinHasher.stringHash(key, 0, key.length());
    long second = MinHasher.mix(h ^ key.length() * 0x9E37_79B9_7F4A_7C15L);
    return second == UNKNOWN_AUTHOR ? 1 : second;
  }
}
