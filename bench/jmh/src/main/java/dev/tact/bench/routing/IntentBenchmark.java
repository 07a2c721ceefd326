package dev.tact.bench.routing;

import dev.tact.bench.BenchData;
import dev.tact.routing.IntentModel;
import dev.tact.routing.IntentTrainer;
import dev.tact.routing.LabelledText;
import dev.tact.routing.Prediction;
import dev.tact.routing.TrainingOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Intent classifications per second on one thread (issue 5 goal: 10,000 per core): a model trained on BANKING77's
 * training rows (dev part) classifies its test rows in turn; {@code classifyEmailBody} classifies a 2,000-character
 * text, the size of a longish customer email.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IntentBenchmark {

  private IntentModel model;
  private List<String> texts;
  private String emailBody;
  private int next;

  @Setup
  public void train() {
    List<LabelledText> train = new ArrayList<>();
    texts = new ArrayList<>();
    for (String[] row : banking77()) {
      if (row[2].equals("train")) {
        train.add(new LabelledText(row[0], row[1]));
      } else if (row[2].equals("test")) {
        texts.add(row[0]);
      }
    }
    model = new IntentTrainer().train(train, TrainingOptions.defaults());
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() < 2000; i++) {
      body.append(texts.get(i)).append(' ');
    }
    emailBody = body.substring(0, 2000);
  }

  @Benchmark
  public Prediction classifyBanking77Query() {
    String text = texts.get(next);
    next = next + 1 == texts.size() ? 0 : next + 1;
    return model.predict(text);
  }

  @Benchmark
  public Prediction classifyEmailBody() {
    return model.predict(emailBody);
  }

  /** Rows of text, category, orig_split (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
  private static List<String[]> banking77() {
    String csv;
    try {
      csv = Files.readString(BenchData.corpora().resolve("intent-banking77/dev/banking77.csv"),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String[]> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted && c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(fields.toArray(String[]::new));
        fields.clear();
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(fields.toArray(String[]::new));
    }
    return rows.subList(1, rows.size());
  }
}
