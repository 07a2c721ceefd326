package dev.tact.routing;

import dev.tact.routing.intent.FeatureSettings;
import dev.tact.routing.intent.SgdSettings;

/**
 * How {@link IntentTrainer} builds a model. {@link #defaults()} suits a few hundred to some tens of thousands of
 * short customer messages (chosen on held-out parts of the training rows of the intent corpora).
 *
 * @param features hashed word and character n-gram features
 * @param sgd the optimiser: epochs, L2 penalty, learning rate, seed, feature cut-offs
 * @param topK how many intents a {@link Prediction} lists (at least 1)
 */
public record TrainingOptions(FeatureSettings features, SgdSettings sgd, int topK) {

  /** Checks {@code topK}. */
  public TrainingOptions {
    if (features == null || sgd == null || topK < 1) {
      throw new IllegalArgumentException("need feature and optimiser settings and topK >= 1");
    }
  }

  /** The defaults with seed 1. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(new FeatureSettings(20, true, 3, 5, 10_000),
        new SgdSettings(20, 1e-5, 1.0, 1, 2, 500_000), 5);
  }

  /** The same options with another seed for the example order. */
  public TrainingOptions withSeed(long seed) {
    return new TrainingOptions(features, new SgdSettings(sgd.epochs(), sgd.l2(), sgd.learningRate(), seed,
        sgd.minDocumentFrequency(), sgd.maxFeatures()), topK);
  }
}
