package dev.tact.noise.similarity;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The recent signatures, searchable for the best duplicate of a new message by LSH banding: the first
 * {@code bands × rows} hash values are cut into bands, and two signatures become candidates when they agree on
 * a whole band; candidates are then checked with the {@link DuplicateRule} on all hash values. With the defaults
 * (16 bands of 4 one-byte values) a pair of Jaccard 0.8 becomes a candidate with probability 0.9998, a pair of
 * 0.5 with 0.64 and a pair of 0.2 with 0.025. See ADR 0012.
 *
 * <p>Storage is a ring of primitive arrays in insertion order (198 bytes per slot with the defaults; 235 bytes
 * per signature measured at 1,000,000 entries):
 * the hash values, reference, author hash, time and shingle count of each entry, and per band a chained hash
 * table made of a head array and a "distance back to the previous entry of this bucket" array. Entries leave
 * from the oldest end ({@link #removeOlderThan}); stale chain links need no clean-up, because a link to an
 * entry older than the oldest live one simply ends the chain. The ring doubles when full and halves when
 * mostly empty. Thread-safe: searches share a read lock, changes take the write lock.
 */
public final class SignatureIndex {

  public static final int DEFAULT_BANDS = 16;
  public static final int DEFAULT_ROWS = 4;
  private static final int MIN_CAPACITY = 64;
  /** 16,777,216 entries: the hash values of all entries share one array. */
  private static final int MAX_CAPACITY = 1 << 24;

  private final int signatureSize;
  private final int bands;
  private final int rows;
  private final DuplicateRule rule;
  private final int initialCapacity;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private int capacity;
  private int mask;
  private int tableMask;
  private byte[] values;
  private long[] refs;
  private long[] authors;
  private int[] times;
  private char[] shingleCounts;
  private int tableSize;
  private int[] heads;
  private int[] previous;
  private long nextSequence;
  private long oldestSequence;
  private long timeBase;
  private boolean timeBaseSet;

  /** An index for signatures of the default {@link MinHasher} with the default {@link DuplicateRule}. */
  public SignatureIndex() {
    this(MinHasher.DEFAULT_HASH_COUNT, DEFAULT_BANDS, DEFAULT_ROWS, DuplicateRule.defaults(), 1024);
  }

  public SignatureIndex(DuplicateRule rule) {
    this(MinHasher.DEFAULT_HASH_COUNT, DEFAULT_BANDS, DEFAULT_ROWS, rule, 1024);
  }

  public SignatureIndex(int signatureSize, int bands, int rows, DuplicateRule rule, int initialCapacity) {
    if (bands < 1 || bands > 64 || rows < 1 || rows > 8 || (long) bands * rows > signatureSize) {
      throw new IllegalArgumentException("bands × rows must fit in the signature: " + bands + " × " + rows
          + " > " + signatureSize);
    }
    this.signatureSize = signatureSize;
    this.bands = bands;
    this.rows = rows;
    this.rule = rule;
    this.initialCapacity = powerOfTwoAtLeast(Math.max(MIN_CAPACITY, initialCapacity));
    allocate(this.initialCapacity);
  }

  public DuplicateRule rule() {
    return rule;
  }

  /** Stores a signature; empty signatures and signatures of another size are ignored (they match nothing). */
  public void add(long ref, String authorKey, Signature signature, long epochSecond) {
    if (signature.isEmpty() || signature.size() != signatureSize) {
      return;
    }
    long author = DuplicateRule.authorHash(authorKey);
    lock.writeLock().lock();
    try {
      if (!timeBaseSet) {
        timeBase = epochSecond - (1L << 30);
        timeBaseSet = true;
      }
      if (nextSequence - oldestSequence == capacity) {
        if (capacity == MAX_CAPACITY) {
          oldestSequence++;
        } else {
          rebuild(capacity * 2);
        }
      }
      insert(nextSequence++, ref, author, signature.values(), signature.shingleCount(), relativeTime(epochSecond));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The most similar stored message added at or after {@code sinceEpochSecond} that is a duplicate by the rule
   * (similarity at least {@code threshold} and the author part of the rule); the older one on ties.
   */
  public Optional<IndexMatch> bestMatch(String authorKey, Signature signature, long sinceEpochSecond,
      double threshold) {
    if (signature.isEmpty() || signature.size() != signatureSize) {
      return Optional.empty();
    }
    long author = DuplicateRule.authorHash(authorKey);
    byte[] query = signature.values();
    int shingles = signature.shingleCount();
    lock.readLock().lock();
    try {
      if (!timeBaseSet || nextSequence == oldestSequence) {
        return Optional.empty();
      }
      int since = relativeTime(sinceEpochSecond);
      long[] checked = new long[8];
      int checkedCount = 0;
      long bestSequence = -1;
      double bestSimilarity = -1;
      for (int band = 0; band < bands; band++) {
        int bandOffset = band * rows;
        long sequence = headSequence(band, bucket(band, query, 0, bandOffset));
        while (sequence >= oldestSequence) {
          int position = (int) (sequence & mask);
          int stored = position * signatureSize;
          if (sameBand(query, bandOffset, stored + bandOffset)
              && times[position] >= since
              && rule.authorsAllow(author, shingles, authors[position], shingleCounts[position])
              && !contains(checked, checkedCount, sequence)) {
            if (checkedCount == checked.length) {
              checked = Arrays.copyOf(checked, checkedCount * 2);
            }
            checked[checkedCount++] = sequence;
            double similarity = Signature.estimate(query, 0, values, stored, signatureSize);
            if (similarity >= threshold && (similarity > bestSimilarity
                || similarity == bestSimilarity && sequence < bestSequence)) {
              bestSimilarity = similarity;
              bestSequence = sequence;
            }
          }
          int back = previous[band * capacity + position];
          sequence = back == 0 ? -1 : sequence - back;
        }
      }
      return bestSequence < 0 ? Optional.empty()
          : Optional.of(new IndexMatch(refs[(int) (bestSequence & mask)], bestSimilarity));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Forgets the entries added before {@code epochSecond}, from the oldest on; an entry added out of time order
   * leaves when the entries before it have left (searches never return it once it is outside their window).
   */
  public void removeOlderThan(long epochSecond) {
    lock.writeLock().lock();
    try {
      if (!timeBaseSet) {
        return;
      }
      int cutoff = relativeTime(epochSecond);
      while (oldestSequence < nextSequence && times[(int) (oldestSequence & mask)] < cutoff) {
        oldestSequence++;
      }
      long live = nextSequence - oldestSequence;
      if (capacity > initialCapacity && live < capacity / 4) {
        rebuild(Math.max(initialCapacity, powerOfTwoAtLeast((int) live * 2)));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The number of stored signatures. */
  public int size() {
    lock.readLock().lock();
    try {
      return (int) (nextSequence - oldestSequence);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void insert(long sequence, long ref, long author, byte[] signature, int shingles, int time) {
    int position = (int) (sequence & mask);
    System.arraycopy(signature, 0, values, position * signatureSize, signatureSize);
    refs[position] = ref;
    authors[position] = author;
    times[position] = time;
    shingleCounts[position] = (char) shingles;
    for (int band = 0; band < bands; band++) {
      int bucket = bucket(band, signature, 0, band * rows);
      long head = headSequence(band, bucket);
      long back = head >= oldestSequence ? sequence - head : 0;
      previous[band * capacity + position] = (int) back;
      heads[band * tableSize + bucket] = (int) (sequence + 1);
    }
  }

  /** The newest sequence in a bucket, or -1; heads keep the low 32 bits of sequence + 1 (0 = none). */
  private long headSequence(int band, int bucket) {
    int stored = heads[band * tableSize + bucket];
    if (stored == 0) {
      return -1;
    }
    long distance = ((int) nextSequence - stored) & 0xFFFF_FFFFL;
    return nextSequence - distance - 1;
  }

  private boolean sameBand(byte[] query, int queryOffset, int storedOffset) {
    for (int i = 0; i < rows; i++) {
      if (query[queryOffset + i] != values[storedOffset + i]) {
        return false;
      }
    }
    return true;
  }

  private int bucket(int band, byte[] signature, int base, int offset) {
    long key = band;
    for (int i = 0; i < rows; i++) {
      key = (key << 8) | (signature[base + offset + i] & 0xFF);
    }
    return (int) MinHasher.mix(key * 0x9E37_79B9_7F4A_7C15L + band) & tableMask;
  }

  private static boolean contains(long[] sequences, int count, long sequence) {
    for (int i = 0; i < count; i++) {
      if (sequences[i] == sequence) {
        return true;
      }
    }
    return false;
  }

  private int relativeTime(long epochSecond) {
    long relative = epochSecond - timeBase;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, relative));
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    mask = newCapacity - 1;
    tableSize = Math.max(16, newCapacity / 4);
    tableMask = tableSize - 1;
    values = new byte[newCapacity * signatureSize];
    refs = new long[newCapacity];
    authors = new long[newCapacity];
    times = new int[newCapacity];
    shingleCounts = new char[newCapacity];
    heads = new int[bands * tableSize];
    previous = new int[bands * newCapacity];
  }

  private void rebuild(int newCapacity) {
    byte[] oldValues = values;
    long[] oldRefs = refs;
    long[] oldAuthors = authors;
    int[] oldTimes = times;
    char[] oldShingles = shingleCounts;
    int oldMask = mask;
    long from = oldestSequence;
    long to = nextSequence;
    allocate(newCapacity);
    oldestSequence = 0;
    nextSequence = 0;
    byte[] signature = new byte[signatureSize];
    for (long sequence = from; sequence < to; sequence++) {
      int old = (int) (sequence & oldMask);
      System.arraycopy(oldValues, old * signatureSize, signature, 0, signatureSize);
      insert(nextSequence++, oldRefs[old], oldAuthors[old], signature, oldShingles[old], oldTimes[old]);
    }
  }

  private static int powerOfTwoAtLeast(int n) {
    int p = Integer.highestOneBit(Math.max(1, n));
    return p < n ? p << 1 : p;
  }
}
