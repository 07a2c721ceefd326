package dev.tact.tone;

import java.util.List;
import java.util.function.Predicate;

/**
 * Precision and recall of the tone check for "impolite" on a set of corpus requests, and how often it flags the
 * requests of each score band.
 */
record ToneScores(int items, int impolite, int flagged, int truePositives) {

  /** Score bands (normalised score, lower = less polite), with the share of each band the check flags. */
  static final List<Band> BANDS = List.of(
      new Band("score < -2 (openly rude)", s -> s < -2),
      new Band("-2 <= score < -1.5", s -> s >= -2 && s < -1.5),
      new Band("-1.5 <= score < -1", s -> s >= -1.5 && s < -1),
      new Band("-1 <= score < -0.5", s -> s >= -1 && s < -0.5),
      new Band("-0.5 <= score < 0", s -> s >= -0.5 && s < 0),
      new Band("0 <= score < 0.5", s -> s >= 0 && s < 0.5),
      new Band("score >= 0.5", s -> s >= 0.5));

  record Band(String name, Predicate<Double> contains) {}

  static ToneScores of(ToneCheck check, List<ToneCorpus.Item> items) {
    int impolite = 0;
    int flagged = 0;
    int truePositives = 0;
    for (ToneCorpus.Item item : items) {
      boolean flag = check.check(item.text()).flagged();
      impolite += item.impolite() ? 1 : 0;
      flagged += flag ? 1 : 0;
      truePositives += flag && item.impolite() ? 1 : 0;
    }
    return new ToneScores(items.size(), impolite, flagged, truePositives);
  }

  /** Share of the items flagged. */
  static double flagRate(ToneCheck check, List<ToneCorpus.Item> items) {
    return items.isEmpty() ? 0 : items.stream().filter(i -> check.check(i.text()).flagged()).count()
        / (double) items.size();
  }

  double precision() {
    return flagged == 0 ? 0 : truePositives / (double) flagged;
  }

  double recall() {
    return impolite == 0 ? 0 : truePositives / (double) impolite;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
