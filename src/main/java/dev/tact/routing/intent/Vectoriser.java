package dev.tact.routing.intent;

/**
 * Text to feature vector: hashed features, counted, looked up in the vocabulary, weighted by sublinear term
 * frequency (1 + ln tf) times inverse document frequency, and scaled to unit length so that long and short
 * texts score alike. Immutable and thread-safe.
 */
final class Vectoriser {

  private final FeatureHasher hasher;
  private final Vocabulary vocabulary;
  private final float[] idf;

  Vectoriser(FeatureHasher hasher, Vocabulary vocabulary, float[] idf) {
    if (idf.length != vocabulary.size()) {
      throw new IllegalArgumentException("idf and vocabulary differ in size");
    }
    this.hasher = hasher;
    this.vocabulary = vocabulary;
    this.idf = idf;
  }

  FeatureHasher hasher() {
    return hasher;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  float[] idf() {
    return idf;
  }

  SparseVector vector(String text) {
    IntList buckets = new IntList();
    hasher.buckets(TextNormaliser.normalise(text, hasher.settings().maxChars()), buckets);
    return vector(buckets);
  }

  /** The vector of a text's buckets (sorted here). */
  SparseVector vector(IntList buckets) {
    buckets.sort();
    int distinct = 0;
    int[] columns = new int[buckets.size()];
    float[] values = new float[buckets.size()];
    for (int i = 0; i < buckets.size(); ) {
      int bucket = buckets.get(i);
      int count = 0;
      while (i < buckets.size() && buckets.get(i) == bucket) {
        count++;
        i++;
      }
      int column = vocabulary.column(bucket);
      if (column >= 0) {
        columns[distinct] = column;
        values[distinct] = (float) ((1 + Math.log(count)) * idf[column]);
        distinct++;
      }
    }
    if (distinct == 0) {
      return SparseVector.EMPTY;
    }
    double norm = 0;
    for (int i = 0; i < distinct; i++) {
      norm += values[i] * values[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    int[] keptColumns = new int[distinct];
    float[] keptValues = new float[distinct];
    for (int i = 0; i < distinct; i++) {
      keptColumns[i] = columns[i];
      keptValues[i] = values[i] * scale;
    }
    return new SparseVector(keptColumns, keptValues);
  }
}
