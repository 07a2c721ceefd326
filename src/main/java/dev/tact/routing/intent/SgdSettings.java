package dev.tact.routing.intent;

/**
 * How {@link SoftmaxTrainer} learns.
 *
 * @param epochs passes over the examples, each in a fresh order drawn from {@code seed}
 * @param l2 L2 penalty per example (weight decay)
 * @param learningRate initial step; step t is {@code learningRate / (1 + learningRate * l2 * t)}
 * @param seed seed of the example order: the same seed and examples give the same model
 * @param minDocumentFrequency a feature must occur in at least this many examples to get a weight
 * @param maxFeatures at most this many feature columns (the most frequent are kept)
 */
public record SgdSettings(int epochs, double l2, double learningRate, long seed, int minDocumentFrequency,
    int maxFeatures) {

  /** Checks the ranges. */
  public SgdSettings {
    if (epochs < 1 || epochs > 1000) {
      throw new IllegalArgumentException("epochs must be in 1..1000: " + epochs);
    }
    if (!(l2 >= 0 && l2 < 1) || !(learningRate > 0 && learningRate <= 100)) {
      throw new IllegalArgumentException("need 0 <= l2 < 1 and 0 < learningRate <= 100");
    }
    if (minDocumentFrequency < 1 || maxFeatures < 1) {
      throw new IllegalArgumentException("minDocumentFrequency and maxFeatures must be positive");
    }
  }
}
