package dev.tact.routing.intent;

/** A text's feature vector: columns in ascending order and their weights (L2 norm 1 unless empty). */
record SparseVector(int[] columns, float[] values) {

  static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);
}
