package dev.tact.routing;

import dev.tact.routing.intent.SoftmaxTrainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains {@link IntentModel}s from labelled texts (multinomial logistic regression over hashed word and character
 * n-grams; see {@link SoftmaxTrainer}). The same examples, in the same order, and options give the same model.
 * Stateless; single-threaded per call (a few seconds for ten thousand short messages).
 */
public final class IntentTrainer {

  /**
   * A model of the examples' intents (in order of first appearance).
   *
   * @throws IllegalArgumentException if there are no examples
   */
  public IntentModel train(List<LabelledText> examples, TrainingOptions options) {
    if (examples == null || examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to train on");
    }
    Map<String, Integer> numbers = new HashMap<>();
    List<String> intents = new ArrayList<>();
    List<String> texts = new ArrayList<>(examples.size());
    int[] labels = new int[examples.size()];
    for (int i = 0; i < labels.length; i++) {
      LabelledText example = examples.get(i);
      labels[i] = numbers.computeIfAbsent(example.intent(), intent -> {
        intents.add(intent);
        return intents.size() - 1;
      });
      texts.add(example.text());
    }
    return new IntentModel(SoftmaxTrainer.train(texts, labels, intents, options.features(), options.sgd()),
        options.topK());
  }
}
