package dev.tact.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Prints the reply-extraction figures per corpus as a Markdown table (run by bench/reply-accuracy.sh).
 *
 * <p>Arguments: {@code --export-inputs FILE} writes every scored input as JSON ({id: text}, HTML rendered to text
 * by jsoup) for a peer parser; {@code --peer FILE --peer-name NAME} reads a peer's outputs ({id: visible}) and
 * scores them with the same metric.
 */
public final class ReplyAccuracyReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplyAccuracyReport() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    if (options.containsKey("--export-inputs")) {
      exportInputs(Path.of(options.get("--export-inputs")));
      return;
    }
    JsonNode peer = options.containsKey("--peer") ? JSON.readTree(Files.readString(Path.of(options.get("--peer"))))
        : null;
    String peerName = options.getOrDefault("--peer-name", "peer");
    System.out.println(table(peer, peerName));
    System.out.println(forwardFigures());
    System.out.println(LeaveOneFamilyOut.table());
  }

  static String id(ReplyCorpus.Case c) {
    return c.corpus() + "/" + c.name();
  }

  static String plainInputForPeer(ReplyCorpus.Case c) {
    return c.html() ? Jsoup.parse(c.input()).body().wholeText() : c.input();
  }

  private static void exportInputs(Path target) throws Exception {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (String corpus : ReplyCorpus.CORPORA) {
      for (ReplyCorpus.Case c : ReplyCorpus.load(corpus)) {
        if (c.expected() != null && c.excluded() == null) {
          inputs.put(id(c), plainInputForPeer(c));
        }
      }
    }
    Files.writeString(target, JSON.writeValueAsString(inputs));
  }

  /** Tact's figures for one corpus. */
  record Figures(int fixtures, int exact, int linesAgree, int lines, int checksPassed, int checks, int excluded,
      long slowestMillis) {

    double exactRate() {
      return fixtures == 0 ? 0 : (double) exact / fixtures;
    }

    double lineAccuracy() {
      return lines == 0 ? 0 : (double) linesAgree / lines;
    }
  }

  static Figures measure(String corpus, ReplyExtractor extractor) {
    return measure(ReplyCorpus.load(corpus), extractor);
  }

  static Figures measure(List<ReplyCorpus.Case> cases, ReplyExtractor extractor) {
    int fixtures = 0;
    int exact = 0;
    int agree = 0;
    int lines = 0;
    int passed = 0;
    int checks = 0;
    int excluded = 0;
    long slowest = 0;
    for (ReplyCorpus.Case c : cases) {
      if (c.excluded() != null) {
        excluded++;
        continue;
      }
      long start = System.nanoTime();
      ReplyParts parts = c.html() ? extractor.extractHtml(c.input()) : extractor.extract(c.input());
      slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
      for (JsonNode check : c.checks()) {
        Boolean result = ReplyScoring.check(check, parts);
        if (result != null) {
          checks++;
          passed += result ? 1 : 0;
        }
      }
      if (c.expected() == null) {
        continue;
      }
      fixtures++;
      boolean matched = ReplyScoring.exactMatch(c.expected(), parts.visible(), c.compare());
      exact += matched ? 1 : 0;
      if (!matched && Boolean.getBoolean("reply.failures")) {
        System.err.printf("=== %s (%s)%n--- expected%n%s%n--- actual%n%s%n", id(c), c.compare(), c.expected(),
            parts.visible());
      }
      int[] lineScore = ReplyScoring.lineAgreement(scoredInput(c, parts), c.expected(), parts.visible(), c.compare());
      agree += lineScore[0];
      lines += lineScore[1];
    }
    return new Figures(fixtures, exact, agree, lines, passed, checks, excluded, slowest);
  }

  /** The text whose lines are scored: the input, or for HTML the extractor's own rendering (all fragments). */
  static String scoredInput(ReplyCorpus.Case c, ReplyParts parts) {
    if (!c.html()) {
      return c.input();
    }
    StringBuilder text = new StringBuilder();
    parts.fragments().forEach(f -> text.append(f.text()).append('\n'));
    return text.toString();
  }

  private static String table(JsonNode peer, String peerName) {
    ReplyExtractor extractor = new ReplyExtractor();
    StringBuilder out = new StringBuilder();
    out.append("| Corpus (dev) | Fixtures scored | Tact exact | Tact line accuracy | Checks passed (mapped) |");
    if (peer != null) {
      out.append(' ').append(peerName).append(" exact | ").append(peerName).append(" line accuracy |");
    }
    out.append(" Slowest fixture ms |\n|---|---:|---:|---:|---:|");
    out.append(peer != null ? "---:|---:|" : "").append("---:|\n");
    int[] totals = new int[6];
    for (String corpus : ReplyCorpus.CORPORA) {
      Figures f = measure(corpus, extractor);
      out.append(String.format("| %s | %d%s | %d (%.1f%%) | %.1f%% (%d/%d) | %d/%d |", corpus, f.fixtures(),
          f.excluded() > 0 ? " (+" + f.excluded() + " excluded: non-default upstream config)" : "", f.exact(),
          100 * f.exactRate(), 100 * f.lineAccuracy(), f.linesAgree(), f.lines(), f.checksPassed(), f.checks()));
      totals[0] += f.fixtures();
      totals[1] += f.exact();
      totals[2] += f.linesAgree();
      totals[3] += f.lines();
      if (peer != null) {
        int[] p = peerFigures(corpus, peer);
        out.append(String.format(" %d (%.1f%%) | %.1f%% |", p[0], 100.0 * p[0] / Math.max(1, f.fixtures()),
            100.0 * p[1] / Math.max(1, p[2])));
        totals[4] += p[0];
        totals[5] += p[1];
      }
      out.append(' ').append(f.slowestMillis()).append(" |\n");
    }
    out.append(String.format("| **all** | %d | %d (%.1f%%) | %.1f%% | |", totals[0], totals[1],
        100.0 * totals[1] / totals[0], 100.0 * totals[2] / totals[3]));
    if (peer != null) {
      out.append(String.format(" %d (%.1f%%) | |", totals[4], 100.0 * totals[4] / totals[0]));
    }
    out.append(" |\n");
    return out.toString();
  }

  /** {exact, lines agreeing, lines} for the peer's outputs. */
  private static int[] peerFigures(String corpus, JsonNode peer) {
    int[] result = new int[3];
    for (ReplyCorpus.Case c : ReplyCorpus.load(corpus)) {
      if (c.expected() == null || c.excluded() != null) {
        continue;
      }
      JsonNode output = peer.get(id(c));
      String visible = output == null || output.isNull() ? "" : output.asString();
      result[0] += ReplyScoring.exactMatch(c.expected(), visible, c.compare()) ? 1 : 0;
      int[] lines = ReplyScoring.lineAgreement(plainInputForPeer(c), c.expected(), visible, c.compare());
      result[1] += lines[0];
      result[2] += lines[1];
    }
    return result;
  }

  private static String forwardFigures() {
    ForwardDetector detector = new ForwardDetector();
    int labelled = 0;
    int senders = 0;
    int notes = 0;
    for (ReplyCorpus.Forward f : ReplyCorpus.forwards()) {
      labelled++;
      Optional<ForwardedMessage> found = detector.detect(f.subject(), f.text());
      if (found.isPresent() && found.get().fromAddress().equalsIgnoreCase(f.labels().path("original_sender")
          .asString())) {
        senders++;
      }
      JsonNode note = f.labels().path("forwarder_note");
      String expectedNote = note.isNull() || note.isMissingNode() ? "" : note.asString();
      if (found.isPresent() && found.get().comment().strip().equals(expectedNote.strip())) {
        notes++;
      }
    }
    int embedded = 0;
    int before = 0;
    List<String[]> items = ReplyCorpus.embedded();
    for (String[] item : items) {
      Optional<ForwardedMessage> found = detector.detect("Fwd: x", item[1]);
      if (found.isPresent() && item[2].contains(found.get().text().strip())
          && !found.get().text().isBlank()) {
        embedded++;
      }
      if (found.isPresent() && found.get().comment().strip().equals(item[3])) {
        before++;
      }
    }
    return String.format("Forwards: email-discourse-receiver-labels: original sender recovered %d/%d, forwarder note "
        + "%d/%d; discourse trimmer embedded emails (with a Fwd: subject): original body found %d/%d, text before "
        + "it %d/%d.%n", senders, labelled, notes, labelled, embedded, items.size(), before, items.size());
  }
}
