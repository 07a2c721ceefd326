package dev.tact.policy.ledger;

import dev.tact.policy.PolicyChannels;
import dev.tact.routing.IntentCorpus;
import dev.tact.shared.Channel;
import dev.tact.testsupport.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Measures {@link OptOutClassifier} on text that is not an opt-out, the customer utterances of the intent corpora
 * (dev part of ../shared/corpora), and on opt-out requests written for Tact (src/test/resources/optout).
 *
 * <p>False positive = an utterance the classifier records (CLEAR) or queues for an agent (UNCLEAR). Excluded,
 * because they really ask to stop contact: Bitext's {@code newsletter_subscription} intent (its rows ask to
 * subscribe or to unsubscribe, and the label does not say which). No other intent of the four corpora is about
 * stopping contact (CLINC150's {@code cancel} is "cancel what you are doing", BANKING77's {@code terminate_account}
 * and NLU++'s {@code cancel_close_leave_freeze} end an account or a card); their rows all count.
 */
final class OptOutAccuracy {

  /** Intents (per corpus) whose rows ask to stop contact, left out of the false-positive count. */
  static final Map<String, Set<String>> EXCLUDED = Map.of("intent-bitext-customer-support",
      Set.of("newsletter_subscription"));

  /** The channel corpus utterances are read as: email, where most of Tact's messages come from. */
  static final Channel CHANNEL = Channel.EMAIL;

  /** One corpus: rows read, rows excluded, rows recorded (CLEAR) and queued (UNCLEAR), examples of those. */
  record CorpusFigures(String corpus, int rows, int excluded, int clear, int unclear, List<String> flagged) {

    int counted() {
      return rows - excluded;
    }

    double rate() {
      return counted() == 0 ? 0 : (double) (clear + unclear) / counted();
    }
  }

  /** Recall on opt-out requests: CLEAR ones, flagged ones (CLEAR or UNCLEAR), CLEAR with the right channel. */
  record RecallFigures(int cases, int clear, int flagged, int channelRight, List<String> missed) {

    double clearRate() {
      return (double) clear / cases;
    }

    double flaggedRate() {
      return (double) flagged / cases;
    }

    double channelRate() {
      return clear == 0 ? 0 : (double) channelRight / clear;
    }
  }

  /** A labelled utterance of one corpus. */
  private record Utterance(String text, String intent) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private OptOutAccuracy() {
  }

  static List<CorpusFigures> falsePositives(OptOutClassifier classifier) {
    List<CorpusFigures> figures = new ArrayList<>();
    utterancesByCorpus().forEach((corpus, utterances) -> figures.add(measure(classifier, corpus, utterances)));
    return figures;
  }

  /** The customer utterances of the four intent corpora, the excluded intents' too. */
  static List<String> utterances() {
    return utterancesByCorpus().values().stream().flatMap(List::stream).map(Utterance::text).toList();
  }

  private static Map<String, List<Utterance>> utterancesByCorpus() {
    Map<String, List<Utterance>> corpora = new LinkedHashMap<>();
    corpora.put("intent-banking77", csv("intent-banking77", "banking77.csv", "text", "category"));
    corpora.put("intent-clinc150", csv("intent-clinc150", "clinc150.csv", "text", "intent"));
    corpora.put("intent-nluplusplus", nluPlusPlus());
    corpora.put("intent-bitext-customer-support",
        csv("intent-bitext-customer-support", "bitext_customer_support.csv", "instruction", "intent"));
    return corpora;
  }

  private static CorpusFigures measure(OptOutClassifier classifier, String corpus, List<Utterance> utterances) {
    Set<String> excludedIntents = EXCLUDED.getOrDefault(corpus, Set.of());
    int excluded = 0;
    int clear = 0;
    int unclear = 0;
    List<String> flagged = new ArrayList<>();
    for (Utterance u : utterances) {
      if (excludedIntents.contains(u.intent())) {
        excluded++;
        continue;
      }
      OptOutClassifier.Verdict verdict = classifier.classify(u.text(), CHANNEL).verdict();
      if (verdict == OptOutClassifier.Verdict.NONE) {
        continue;
      }
      clear += verdict == OptOutClassifier.Verdict.CLEAR ? 1 : 0;
      unclear += verdict == OptOutClassifier.Verdict.UNCLEAR ? 1 : 0;
      flagged.add(verdict + " \"" + u.text() + "\" (" + u.intent() + ")");
    }
    return new CorpusFigures(corpus, utterances.size(), excluded, clear, unclear, flagged);
  }

  static RecallFigures recall(OptOutClassifier classifier) {
    int cases = 0;
    int clear = 0;
    int flagged = 0;
    int channelRight = 0;
    List<String> missed = new ArrayList<>();
    for (String[] optOut : optOuts()) {
      cases++;
      Channel cameOn = PolicyChannels.stored(optOut[1]);
      Channel names = "ALL".equals(optOut[2]) ? null : PolicyChannels.stored(optOut[2]);
      OptOutClassifier.Signal signal = classifier.classify(optOut[0], cameOn);
      if (signal.verdict() == OptOutClassifier.Verdict.CLEAR) {
        clear++;
        channelRight += signal.channel() == names ? 1 : 0;
        if (signal.channel() != names) {
          missed.add("\"" + optOut[0] + "\": channel " + signal.channel() + ", not " + optOut[2]);
        }
      } else {
        missed.add("\"" + optOut[0] + "\": " + signal.verdict());
      }
      flagged += signal.verdict() != OptOutClassifier.Verdict.NONE ? 1 : 0;
    }
    return new RecallFigures(cases, clear, flagged, channelRight, missed);
  }

  /** The opt-out requests: text, the channel it came on, the channel it names (ALL = every channel). */
  static List<String[]> optOuts() {
    try (var in = OptOutAccuracy.class.getResourceAsStream("/optout/opt-outs.tsv")) {
      if (in == null) {
        throw new IllegalStateException("src/test/resources/optout/opt-outs.tsv is missing");
      }
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("text\t")) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length != 3) {
          throw new IllegalStateException("opt-outs.tsv: not three tab-separated fields: " + line);
        }
        rows.add(fields);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Utterance> csv(String folder, String file, String textColumn, String intentColumn) {
    return IntentCorpus.rows(folder, file).stream().map(r -> new Utterance(r.get(textColumn), r.get(intentColumn)))
        .toList();
  }

  private static List<Utterance> nluPlusPlus() {
    try {
      List<Utterance> utterances = new ArrayList<>();
      for (String line : Files.readAllLines(Corpora.dev("intent-nluplusplus").resolve("nluplusplus.jsonl"),
          StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = JSON.readTree(line);
        List<String> intents = new ArrayList<>();
        row.path("intents").forEach(i -> intents.add(i.asString()));
        utterances.add(new Utterance(row.path("text").asString(), String.join("+", intents)));
      }
      return utterances;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
