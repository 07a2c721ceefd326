package dev.tact.routing.intent;

import java.util.Arrays;

/**
 * The hash buckets a model learnt weights for, each mapped to a dense column number (an open-addressing int map:
 * no boxing, a few bytes per entry). Buckets never seen in training have no column and are ignored.
 */
final class Vocabulary {

  private static final int EMPTY = -1;

  private final int[] buckets;
  private final int[] keys;
  private final int[] columns;

  /** A vocabulary of the given distinct, non-negative buckets; column i is {@code buckets[i]}. */
  Vocabulary(int[] buckets) {
    this.buckets = buckets.clone();
    int capacity = Integer.highestOneBit(Math.max(4, buckets.length * 2 + 1)) << 1;
    keys = new int[capacity];
    columns = new int[capacity];
    Arrays.fill(keys, EMPTY);
    for (int column = 0; column < buckets.length; column++) {
      int slot = slot(buckets[column]);
      if (keys[slot] != EMPTY) {
        throw new IllegalArgumentException("bucket twice: " + buckets[column]);
      }
      keys[slot] = buckets[column];
      columns[slot] = column;
    }
  }

  int size() {
    return buckets.length;
  }

  int[] buckets() {
    return buckets.clone();
  }

  /** The column of a bucket, or -1. */
  int column(int bucket) {
    int slot = slot(bucket);
    return keys[slot] == EMPTY ? -1 : columns[slot];
  }

  private int slot(int bucket) {
    int mask = keys.length - 1;
    int slot = (bucket * 0x9E3779B9) >>> 7 & mask;
    while (keys[slot] != EMPTY && keys[slot] != bucket) {
      slot = slot + 1 & mask;
    }
    return slot;
  }
}
