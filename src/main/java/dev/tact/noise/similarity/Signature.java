package dev.tact.noise.similarity;

import java.util.Arrays;

/**
 * A compact MinHash sketch of one normalised text: the lowest 8 bits of each of {@code k} minimum hash values
 * (b-bit minwise hashing, b = 8) and the number of distinct shingles the text had. Immutable.
 *
 * <p>Two unrelated texts agree on an 8-bit value by chance with probability 1/256, so {@link #similarity}
 * corrects the raw agreement rate for it (Li &amp; König's b-bit estimator with the large-set approximation).
 */
public final class Signature {

  static final int FORMAT_VERSION = 1;
  private static final double CHANCE_AGREEMENT = 1.0 / 256;
  private static final Signature EMPTY = new Signature(new byte[0], 0);

  private final byte[] values;
  private final int shingleCount;

  Signature(byte[] values, int shingleCount) {
    this.values = values;
    this.shingleCount = Math.min(Math.max(shingleCount, 0), 0xFFFF);
  }

  /** The signature of a text without any shingle; similar to nothing. */
  public static Signature empty() {
    return EMPTY;
  }

  /** True when the text had no words at all. */
  public boolean isEmpty() {
    return shingleCount == 0 || values.length == 0;
  }

  /** The number of distinct shingles of the text (capped at 65,535). */
  public int shingleCount() {
    return shingleCount;
  }

  /** The number of hash values. */
  public int size() {
    return values.length;
  }

  byte value(int i) {
    return values[i];
  }

  byte[] values() {
    return values;
  }

  /** Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]; 0 when sizes differ or one is empty. */
  public double similarity(Signature other) {
    if (isEmpty() || other.isEmpty() || values.length != other.values.length) {
      return 0;
    }
    return estimate(values, 0, other.values, 0, values.length);
  }

  static double estimate(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
    int equal = 0;
    for (int i = 0; i < length; i++) {
      if (a[aOffset + i] == b[bOffset + i]) {
        equal++;
      }
    }
    double agreement = (double) equal / length;
    double jaccard = (agreement - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT);
    return Math.max(0, Math.min(1, jaccard));
  }

  /** Version byte, shingle count (2 bytes, big-endian), then the hash values. */
  public byte[] toBytes() {
    byte[] bytes = new byte[3 + values.length];
    bytes[0] = FORMAT_VERSION;
    bytes[1] = (byte) (shingleCount >>> 8);
    bytes[2] = (byte) shingleCount;
    System.arraycopy(values, 0, bytes, 3, values.length);
    return bytes;
  }

  /** The signature {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static Signature fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < 3 || bytes[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("not a signature (format " + FORMAT_VERSION + ")");
    }
    int shingles = ((bytes[1] & 0xFF) << 8) | (bytes[2] & 0xFF);
    return new Signature(Arrays.copyOfRange(bytes, 3, bytes.length), shingles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature other && shingleCount == other.shingleCount && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + shingleCount;
  }

  @Override
  public String toString() {
    return "Signature[" + values.length + " values, " + shingleCount + " shingles]";
  }
}
