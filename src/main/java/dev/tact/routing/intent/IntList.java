package dev.tact.routing.intent;

import java.util.Arrays;

/** A growable list of ints without boxing, reused between texts. */
final class IntList {

  private int[] values = new int[256];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  int get(int index) {
    return values[index];
  }

  void sort() {
    Arrays.sort(values, 0, size);
  }
}
