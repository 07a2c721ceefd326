package dev.tact.tone;

import java.util.List;
import java.util.Locale;

/**
 * Prints the tone check's precision and recall for "impolite" on the Stanford Politeness dev part (tuning and
 * check halves, by domain) and its flag rate by score band, as Markdown tables. Run by {@code bench/tone.sh}.
 */
public final class ToneAccuracyReport {

  private ToneAccuracyReport() {
  }

  public static void main(String[] args) {
    ToneCheck check = new ToneCheck();
    ToneCorpus corpus = ToneCorpus.load();
    StringBuilder out = new StringBuilder();
    out.append("| half | domain | items | impolite | flagged | precision | recall | F1 |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (String half : List.of("tuning", "check")) {
      List<ToneCorpus.Item> items = half.equals("tuning") ? corpus.tuning() : corpus.check();
      for (String domain : List.of("wikipedia", "stack-exchange", "all")) {
        List<ToneCorpus.Item> part = items.stream().filter(i -> domain.equals("all") || i.domain().equals(domain))
            .toList();
        ToneScores s = ToneScores.of(check, part);
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", half, domain,
            s.items(), s.impolite(), s.flagged(), s.precision(), s.recall(), s.f1()));
      }
    }
    out.append("\nShare flagged by score band (lower = rated less polite; in the impolite bands this is the recall,"
        + " in the upper ones the false-alarm rate):\n\n");
    out.append("| score band | tuning items | tuning flagged | check items | check flagged |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (ToneScores.Band band : ToneScores.BANDS) {
      List<ToneCorpus.Item> t = corpus.tuning().stream().filter(i -> band.contains().test(i.score())).toList();
      List<ToneCorpus.Item> c = corpus.check().stream().filter(i -> band.contains().test(i.score())).toList();
      out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %d | %.3f |%n", band.name(), t.size(),
          ToneScores.flagRate(check, t), c.size(), ToneScores.flagRate(check, c)));
    }
    for (String label : List.of("impolite", "neutral", "polite")) {
      List<ToneCorpus.Item> c = corpus.check().stream().filter(i -> i.label().equals(label)).toList();
      out.append(String.format(Locale.ROOT, "| label %s | | | %d | %.3f |%n", label, c.size(),
          ToneScores.flagRate(check, c)));
    }
    long start = System.nanoTime();
    int n = 0;
    for (ToneCorpus.Item item : corpus.check()) {
      check.check(item.text());
      n++;
    }
    out.append(String.format(Locale.ROOT, "%nCheck time: %.1f µs per request (mean over the %d check-half requests,"
        + " one thread, after the runs above warmed the JVM).%n", (System.nanoTime() - start) / 1000.0 / n, n));
    System.out.print(out);
  }
}
