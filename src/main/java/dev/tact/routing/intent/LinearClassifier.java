package dev.tact.routing.intent;

import java.util.List;

/**
 * A trained multinomial logistic regression over hashed text features: one weight per (feature column, intent)
 * plus a bias per intent; the softmax of the scores gives each intent's probability. Immutable and thread-safe
 * (the arrays are never written after construction and never handed out).
 */
public final class LinearClassifier {

  private final List<String> labels;
  private final Vectoriser vectoriser;
  private final float[] weights;
  private final float[] bias;

  LinearClassifier(List<String> labels, Vectoriser vectoriser, float[] weights, float[] bias) {
    if (labels.isEmpty() || bias.length != labels.size()
        || weights.length != (long) vectoriser.vocabulary().size() * labels.size()) {
      throw new IllegalArgumentException("weights do not fit " + labels.size() + " labels");
    }
    this.labels = List.copyOf(labels);
    this.vectoriser = vectoriser;
    this.weights = weights;
    this.bias = bias;
  }

  /** The intents, in the order of {@link #probabilities(String)}. */
  public List<String> labels() {
    return labels;
  }

  /** The feature settings the model was trained with. */
  public FeatureSettings featureSettings() {
    return vectoriser.hasher().settings();
  }

  /** Number of feature columns with weights. */
  public int featureCount() {
    return vectoriser.vocabulary().size();
  }

  /** Each intent's probability for the text (they sum to 1); never throws for any string, null included. */
  public double[] probabilities(String text) {
    return softmax(scores(vectoriser.vector(text)));
  }

  double[] scores(SparseVector x) {
    int classes = bias.length;
    double[] scores = new double[classes];
    for (int k = 0; k < classes; k++) {
      scores[k] = bias[k];
    }
    int[] columns = x.columns();
    float[] values = x.values();
    for (int j = 0; j < columns.length; j++) {
      int row = columns[j] * classes;
      float value = values[j];
      for (int k = 0; k < classes; k++) {
        scores[k] += weights[row + k] * value;
      }
    }
    return scores;
  }

  /** Turns scores into probabilities in place (and returns them). */
  static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double score : scores) {
      max = Math.max(max, score);
    }
    double sum = 0;
    for (int k = 0; k < scores.length; k++) {
      scores[k] = Math.exp(scores[k] - max);
      sum += scores[k];
    }
    for (int k = 0; k < scores.length; k++) {
      scores[k] /= sum;
    }
    return scores;
  }

  Vectoriser vectoriser() {
    return vectoriser;
  }

  float[] weights() {
    return weights;
  }

  float[] bias() {
    return bias;
  }
}
