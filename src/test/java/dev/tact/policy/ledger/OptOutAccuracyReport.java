package dev.tact.policy.ledger;

import java.util.List;

/** Prints the opt-out detection figures as Markdown (run by bench/optout-accuracy.sh; see {@link OptOutAccuracy}). */
public final class OptOutAccuracyReport {

  private static final int EXAMPLES = 12;

  private OptOutAccuracyReport() {
  }

  public static void main(String[] args) {
    OptOutClassifier classifier = new OptOutClassifier();
    List<OptOutAccuracy.CorpusFigures> corpora = OptOutAccuracy.falsePositives(classifier);
    StringBuilder out = new StringBuilder();
    out.append("| Corpus (dev, customer utterances) | Rows | Excluded (really opt-outs) | Counted | Recorded (CLEAR) "
        + "| Queued for an agent (UNCLEAR) | False-positive rate |\n|---|---:|---:|---:|---:|---:|---:|\n");
    int rows = 0;
    int excluded = 0;
    int clear = 0;
    int unclear = 0;
    for (OptOutAccuracy.CorpusFigures f : corpora) {
      out.append(String.format("| %s | %d | %d | %d | %d | %d | %.3f %% |%n", f.corpus(), f.rows(), f.excluded(),
          f.counted(), f.clear(), f.unclear(), 100 * f.rate()));
      rows += f.rows();
      excluded += f.excluded();
      clear += f.clear();
      unclear += f.unclear();
    }
    int counted = rows - excluded;
    out.append(String.format("| **all** | %d | %d | %d | %d | %d | **%.3f %%** |%n%n", rows, excluded, counted, clear,
        unclear, 100.0 * (clear + unclear) / counted));
    OptOutAccuracy.RecallFigures recall = OptOutAccuracy.recall(classifier);
    out.append(String.format("Recall on %d opt-out requests (src/test/resources/optout/opt-outs.tsv: English, French, "
            + "German, Spanish, Italian, Portuguese, Dutch; carrier keywords, calls, texts, email, every channel): "
            + "**%.1f %%** recorded (CLEAR), %.1f %% flagged (CLEAR or UNCLEAR), channel right for %.1f %% of the "
            + "recorded.%n%n", recall.cases(), 100 * recall.clearRate(), 100 * recall.flaggedRate(),
        100 * recall.channelRate()));
    if (!recall.missed().isEmpty()) {
      out.append("Missed: ").append(String.join("; ", recall.missed())).append("\n\n");
    }
    out.append("Flagged utterances (at most ").append(EXAMPLES).append(" per corpus):\n\n");
    for (OptOutAccuracy.CorpusFigures f : corpora) {
      f.flagged().stream().limit(EXAMPLES).forEach(s -> out.append("- ").append(f.corpus()).append(": ").append(s)
          .append('\n'));
    }
    System.out.print(out);
  }
}
