package dev.tact.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy and macro-F1 of a model on labelled texts. Macro-F1 averages the per-intent F1 over every intent that
 * occurs in the gold labels or the predictions (an intent never predicted has F1 0).
 *
 * @param accuracy share of texts whose predicted intent is the gold one
 * @param macroF1 mean per-intent F1
 * @param count number of texts
 */
record IntentScores(double accuracy, double macroF1, int count) {

  static IntentScores of(IntentModel model, List<LabelledText> examples) {
    Map<String, int[]> counts = new HashMap<>(); // intent -> {true positives, predicted, gold}
    int correct = 0;
    for (LabelledText example : examples) {
      String predicted = model.predict(example.text()).intent();
      counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
      counts.computeIfAbsent(example.intent(), k -> new int[3])[2]++;
      if (predicted.equals(example.intent())) {
        correct++;
        counts.get(predicted)[0]++;
      }
    }
    double f1Sum = 0;
    for (String intent : new TreeSet<>(counts.keySet())) {
      int[] c = counts.get(intent);
      f1Sum += c[1] + c[2] == 0 ? 0 : 2.0 * c[0] / (c[1] + c[2]);
    }
    return new IntentScores((double) correct / examples.size(), f1Sum / counts.size(), examples.size());
  }
}
