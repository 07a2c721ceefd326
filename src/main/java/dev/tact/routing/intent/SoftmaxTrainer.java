package dev.tact.routing.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link LinearClassifier}: multinomial logistic regression with L2 penalty by plain stochastic gradient
 * descent on sparse vectors (the weight decay is a shared scale factor, so a step costs only the example's
 * non-zero features times the number of intents), and the weights averaged over the second half of the epochs,
 * which steadies the result. Single-threaded and deterministic for a given seed.
 */
public final class SoftmaxTrainer {

  private SoftmaxTrainer() {
  }

  /**
   * A classifier for the texts and their label numbers ({@code labels[i]} indexes {@code labelNames}).
   *
   * @throws IllegalArgumentException if the lists differ in length, are empty, or a label is out of range
   */
  public static LinearClassifier train(List<String> texts, int[] labels, List<String> labelNames,
      FeatureSettings features, SgdSettings sgd) {
    if (texts.size() != labels.length || texts.isEmpty() || labelNames.isEmpty()) {
      throw new IllegalArgumentException("need as many labels as texts, and at least one of each");
    }
    for (int label : labels) {
      if (label < 0 || label >= labelNames.size()) {
        throw new IllegalArgumentException("label out of range: " + label);
      }
    }
    FeatureHasher hasher = new FeatureHasher(features);
    List<int[]> documents = new ArrayList<>(texts.size());
    for (String text : texts) {
      IntList buckets = new IntList();
      hasher.buckets(TextNormaliser.normalise(text, features.maxChars()), buckets);
      buckets.sort();
      int[] sorted = new int[buckets.size()];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = buckets.get(i);
      }
      documents.add(sorted);
    }
    Vectoriser vectoriser = vectoriser(hasher, documents, sgd);
    SparseVector[] vectors = new SparseVector[documents.size()];
    for (int i = 0; i < vectors.length; i++) {
      IntList buckets = new IntList();
      for (int bucket : documents.get(i)) {
        buckets.add(bucket);
      }
      vectors[i] = vectoriser.vector(buckets);
    }
    return descend(vectors, labels, labelNames, vectoriser, sgd);
  }

  /** Chooses the columns (document frequency at least the minimum, the most frequent first) and their IDF. */
  private static Vectoriser vectoriser(FeatureHasher hasher, List<int[]> documents, SgdSettings sgd) {
    int[] frequency = new int[1 << hasher.settings().hashBits()];
    for (int[] document : documents) {
      for (int i = 0; i < document.length; i++) {
        if (i == 0 || document[i] != document[i - 1]) {
          frequency[document[i]]++;
        }
      }
    }
    int candidates = 0;
    for (int df : frequency) {
      if (df >= sgd.minDocumentFrequency()) {
        candidates++;
      }
    }
    long[] byFrequency = new long[candidates];
    int n = 0;
    for (int bucket = 0; bucket < frequency.length; bucket++) {
      if (frequency[bucket] >= sgd.minDocumentFrequency()) {
        byFrequency[n++] = (long) -frequency[bucket] << 32 | bucket; // most frequent first, then by bucket
      }
    }
    Arrays.sort(byFrequency);
    int[] kept = new int[Math.min(candidates, sgd.maxFeatures())];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = (int) byFrequency[i];
    }
    Arrays.sort(kept);
    float[] idf = new float[kept.length];
    for (int column = 0; column < kept.length; column++) {
      idf[column] = (float) (Math.log((1.0 + documents.size()) / (1.0 + frequency[kept[column]])) + 1);
    }
    return new Vectoriser(hasher, new Vocabulary(kept), idf);
  }

  private static LinearClassifier descend(SparseVector[] vectors, int[] labels, List<String> labelNames,
      Vectoriser vectoriser, SgdSettings sgd) {
    int classes = labelNames.size();
    int columns = vectoriser.vocabulary().size();
    float[] v = new float[columns * classes];
    double[] bias = new double[classes];
    double[] averageWeights = new double[v.length];
    double[] averageBias = new double[classes];
    int averaged = 0;
    int firstAveraged = sgd.epochs() / 2;
    double scale = 1;
    long step = 0;
    Random random = new Random(sgd.seed());
    int[] order = new int[vectors.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] scores = new double[classes];
    for (int epoch = 0; epoch < sgd.epochs(); epoch++) {
      shuffle(order, random);
      for (int index : order) {
        SparseVector x = vectors[index];
        double eta = sgd.learningRate() / (1 + sgd.learningRate() * sgd.l2() * step++);
        score(x, v, scale, bias, scores);
        LinearClassifier.softmax(scores);
        scores[labels[index]] -= 1; // now the gradient of the loss by each class score
        scale *= 1 - eta * sgd.l2();
        if (scale < 1e-6) {
          for (int i = 0; i < v.length; i++) {
            v[i] *= (float) scale;
          }
          scale = 1;
        }
        int[] cols = x.columns();
        float[] vals = x.values();
        for (int j = 0; j < cols.length; j++) {
          int row = cols[j] * classes;
          double factor = eta * vals[j] / scale;
          for (int k = 0; k < classes; k++) {
            v[row + k] -= (float) (factor * scores[k]);
          }
        }
        for (int k = 0; k < classes; k++) {
          bias[k] -= eta * scores[k];
        }
      }
      if (epoch >= firstAveraged) {
        for (int i = 0; i < v.length; i++) {
          averageWeights[i] += v[i] * scale;
        }
        for (int k = 0; k < classes; k++) {
          averageBias[k] += bias[k];
        }
        averaged++;
      }
    }
    float[] weights = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      weights[i] = (float) (averageWeights[i] / averaged);
    }
    float[] finalBias = new float[classes];
    for (int k = 0; k < classes; k++) {
      finalBias[k] = (float) (averageBias[k] / averaged);
    }
    return new LinearClassifier(labelNames, vectoriser, weights, finalBias);
  }

  private static void score(SparseVector x, float[] v, double scale, double[] bias, double[] scores) {
    int classes = bias.length;
    System.arraycopy(bias, 0, scores, 0, classes);
    int[] cols = x.columns();
    float[] vals = x.values();
    for (int j = 0; j < cols.length; j++) {
      int row = cols[j] * classes;
      double value = vals[j] * scale;
      for (int k = 0; k < classes; k++) {
        scores[k] += v[row + k] * value;
      }
    }
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
