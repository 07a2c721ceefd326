package dev.tact.routing;

import dev.tact.testsupport.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The intent corpora of {@code ../shared/corpora} (dev part) split into training and test rows as upstream splits
 * them, read with a small RFC 4180 CSV reader (quoted fields may hold commas, quotes and line breaks).
 *
 * @param name corpus name for reports
 * @param train upstream training rows
 * @param test upstream test rows (never used to choose anything)
 */
public record IntentCorpus(String name, List<LabelledText> train, List<LabelledText> test) {

  /** BANKING77: 77 banking intents, upstream train.csv and test.csv. */
  static IntentCorpus banking77() {
    List<Map<String, String>> rows = rows("intent-banking77", "banking77.csv");
    return new IntentCorpus("BANKING77", select(rows, r -> r.get("orig_split").equals("train"), "text", "category"),
        select(rows, r -> r.get("orig_split").equals("test"), "text", "category"));
  }

  /** CLINC150 in-scope: 150 intents (out-of-scope rows left out), upstream train and test splits. */
  static IntentCorpus clinc150() {
    List<Map<String, String>> rows = rows("intent-clinc150", "clinc150.csv");
    return new IntentCorpus("CLINC150 (in scope)",
        select(rows, r -> r.get("orig_split").equals("train"), "text", "intent"),
        select(rows, r -> r.get("orig_split").equals("test"), "text", "intent"));
  }

  /**
   * Bitext customer support: 27 intents. Upstream has a single file, so rows whose upstream row number ends in 8
   * or 9 are the test rows (about 29% of the dev part), the others train.
   */
  static IntentCorpus bitext() {
    List<Map<String, String>> rows = rows("intent-bitext-customer-support", "bitext_customer_support.csv");
    Predicate<Map<String, String>> test = r -> Integer.parseInt(r.get("orig_row")) % 10 >= 8;
    return new IntentCorpus("Bitext customer support", select(rows, test.negate(), "instruction", "intent"),
        select(rows, test, "instruction", "intent"));
  }

  /**
   * BANKING77's training rows split for choosing options: rows whose upstream row number ends in 9 are the
   * validation rows (test rows stay unseen).
   */
  static IntentCorpus banking77Validation() {
    List<Map<String, String>> rows = rows("intent-banking77", "banking77.csv");
    Predicate<Map<String, String>> train = r -> r.get("orig_split").equals("train");
    Predicate<Map<String, String>> validation = r -> Integer.parseInt(r.get("orig_row")) % 10 == 9;
    return new IntentCorpus("BANKING77 validation", select(rows, train.and(validation.negate()), "text", "category"),
        select(rows, train.and(validation), "text", "category"));
  }

  /** CLINC150 in-scope train and upstream validation rows, for choosing options. */
  static IntentCorpus clinc150Validation() {
    List<Map<String, String>> rows = rows("intent-clinc150", "clinc150.csv");
    return new IntentCorpus("CLINC150 validation",
        select(rows, r -> r.get("orig_split").equals("train"), "text", "intent"),
        select(rows, r -> r.get("orig_split").equals("val"), "text", "intent"));
  }

  private static List<LabelledText> select(List<Map<String, String>> rows, Predicate<Map<String, String>> which,
      String textColumn, String intentColumn) {
    return rows.stream().filter(which).map(r -> new LabelledText(r.get(textColumn), r.get(intentColumn))).toList();
  }

  /** The rows of a corpus CSV, each a map from header name to value. */
  public static List<Map<String, String>> rows(String folder, String file) {
    Path path = Corpora.dev(folder).resolve(file);
    try {
      List<List<String>> records = parse(Files.readString(path, StandardCharsets.UTF_8));
      List<String> header = records.get(0);
      List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
      for (List<String> record : records.subList(1, records.size())) {
        if (record.size() != header.size()) {
          throw new IllegalStateException(path + ": a row has " + record.size() + " fields, not " + header.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.get(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<List<String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
