package dev.tact.routing;

import java.util.List;

/**
 * Prints a Markdown table of the intent classifier's figures with {@link TrainingOptions#defaults()}: per corpus
 * the training and test rows, training seconds (one thread, including feature extraction), accuracy and
 * macro-F1 on the test rows. Run by {@code bench/intent-accuracy.sh}. Each corpus is trained twice and the
 * second time is reported, so the first one carries the JIT warm-up.
 */
public final class IntentAccuracyReport {

  private IntentAccuracyReport() {
  }

  public static void main(String[] args) {
    System.out.println(
        "| Corpus | Intents | Train rows | Test rows | Training s | Accuracy | Macro-F1 | Model bytes |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (IntentCorpus corpus : List.of(IntentCorpus.banking77(), IntentCorpus.clinc150(), IntentCorpus.bitext())) {
      IntentTrainer trainer = new IntentTrainer();
      trainer.train(corpus.train(), TrainingOptions.defaults());
      long start = System.nanoTime();
      IntentModel model = trainer.train(corpus.train(), TrainingOptions.defaults());
      double seconds = (System.nanoTime() - start) / 1e9;
      IntentScores scores = IntentScores.of(model, corpus.test());
      System.out.printf("| %s | %d | %d | %d | %.2f | %.4f | %.4f | %d |%n", corpus.name(), model.intents().size(),
          corpus.train().size(), corpus.test().size(), seconds, scores.accuracy(), scores.macroF1(),
          model.toBytes().length);
    }
  }
}
