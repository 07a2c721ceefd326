package dev.tact.tone;

import dev.tact.routing.IntentCorpus;
import java.util.List;
import java.util.Map;

/**
 * The Stanford Politeness requests of {@code ../shared/corpora/tone-stanford-politeness} (dev part), split in two
 * halves by upstream row: even rows are the tuning half (read while writing the lexicon), odd rows the check half
 * (only measured). Each request has its label (impolite / neutral / polite, by per-domain quartile) and the
 * annotators' normalised score (lower = less polite).
 */
record ToneCorpus(List<Item> tuning, List<Item> check) {

  record Item(String text, String label, double score, String domain) {

    boolean impolite() {
      return label.equals("impolite");
    }
  }

  static ToneCorpus load() {
    List<Map<String, String>> rows = IntentCorpus.rows("tone-stanford-politeness", "stanford_politeness.csv");
    List<Item> tuning = rows.stream().filter(r -> Integer.parseInt(r.get("orig_row")) % 2 == 0).map(ToneCorpus::item)
        .toList();
    List<Item> check = rows.stream().filter(r -> Integer.parseInt(r.get("orig_row")) % 2 == 1).map(ToneCorpus::item)
        .toList();
    return new ToneCorpus(tuning, check);
  }

  private static Item item(Map<String, String> row) {
    return new Item(row.get("text"), row.get("label"), Double.parseDouble(row.get("normalized_score")),
        row.get("domain"));
  }
}
