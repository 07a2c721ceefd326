package dev.tact.routing;

import dev.tact.routing.intent.FeatureSettings;
import dev.tact.routing.intent.SgdSettings;
import java.util.List;

/**
 * How {@link TrainingOptions#defaults()} were chosen: a few option sets scored on validation rows carved from the
 * training rows of BANKING77 and on CLINC150's upstream validation split (never on test rows). Run by hand:
 * {@code java -cp ... dev.tact.routing.IntentOptionsSearch [epochs l2 learningRate charMin charMax bigrams]}.
 */
public final class IntentOptionsSearch {

  private IntentOptionsSearch() {
  }

  public static void main(String[] args) {
    List<IntentCorpus> corpora = List.of(IntentCorpus.banking77Validation(), IntentCorpus.clinc150Validation());
    TrainingOptions options = args.length == 0 ? TrainingOptions.defaults() : new TrainingOptions(
        new FeatureSettings(20, Boolean.parseBoolean(args[5]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
            10_000),
        new SgdSettings(Integer.parseInt(args[0]), Double.parseDouble(args[1]), Double.parseDouble(args[2]), 1, 1,
            500_000), 5);
    for (IntentCorpus corpus : corpora) {
      long start = System.nanoTime();
      IntentModel model = new IntentTrainer().train(corpus.train(), options);
      double seconds = (System.nanoTime() - start) / 1e9;
      IntentScores scores = IntentScores.of(model, corpus.test());
      System.out.printf("%s: train %d, validate %d, %.2f s, accuracy %.4f, macro-F1 %.4f%n", corpus.name(),
          corpus.train().size(), scores.count(), seconds, scores.accuracy(), scores.macroF1());
    }
  }
}
