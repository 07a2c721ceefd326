package dev.tact.noise.similarity;

import dev.tact.mail.MailProperties;
import dev.tact.mail.MailReader;
import dev.tact.mail.ReadMail;
import dev.tact.mail.ReplyExtractor;
import dev.tact.mail.UnparseableMailException;
import dev.tact.testsupport.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The quality figures of issue 4 (run by {@code bench/noise-quality.sh}): originals built from corpus texts
 * (the reply-parser fixtures and Bitext's longer answers), 5-50 variants of each (forwarded by staff through
 * Gmail/Outlook/Apple Mail wrappers, salutation changed, signature swapped, tracking parameters, re-wrapped,
 * a comment on top), each variant written as a raw mail and read by the real {@link MailReader} as production
 * does; plus short distinct questions from BANKING77 and CLINC150, each from its own sender. Every message is
 * checked against the {@link SignatureIndex} in time order and joins the cluster of its best match. Prints a
 * Markdown section. Seed: {@code -Dtact.fuzz.seed=} (default 4).
 */
public final class NoiseQualityReport {

  private static final long START = 1_795_000_000L;
  private static final long DAY = 86_400;
  private static final long WINDOW = 14 * DAY;
  private static final String[] SALUTATIONS = {"Hi Anna,", "Dear all,", "Hello team,", "Hi there,",
      "Good morning,", "Dear Sir or Madam,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Bonjour,",
      "Hola Maria,", "Hey John!", "Dear Mr. Smith,", ""};
  private static final String[] SIGNATURES = {"Best regards,\n%s\nSenior Account Executive\n+44 20 7946 0%d",
      "Thanks,\n%s", "Kind regards\n%s | Sales\nMobile: +1 555 010 %d", "--\n%s\nwww.vendor.example",
      "Cheers,\n%s", "Mit freundlichen Grüßen\n%s\nTel. +49 30 1234 %d", "Sent from my iPhone",
      "Regards,\n%s\n%s@vendor.example", ""};
  private static final String[] COMMENTS = {"FYI", "Is this legit?", "Please have a look at this one.",
      "Who handles these?", "Another one of these, can you block them?", "See below, thanks", "Spam again?",
      "Got this today, forwarding to IT.", "Not sure what this is about", "Can someone reply to this?"};
  private static final String[] STAFF = {"ceo", "purchasing", "finance", "service", "hr", "sales", "legal",
      "marketing", "office", "support", "anna.berg", "tom.klein", "it.ops", "reception", "accounting"};
  private static final String[] NAMES = {"Tom Miller", "Sarah Connor", "Peter Green", "Laura Diaz", "Max Weber"};

  private static final boolean DEBUG = Boolean.getBoolean("noise.debug");
  private int debugShown;
  private final Random random;
  private final MailReader reader = new MailReader(new MailProperties(List.of("acme.example"), 10, 50, 500, MailProperties.Authentication.none()));
  private final ReplyExtractor replies = new ReplyExtractor();
  private final TextNormaliser normaliser = new TextNormaliser();
  /** {@code -Dnoise.shingle=N} compares another word-shingle size (the index stays 96 values, 16 × 4 bands). */
  private final MinHasher hasher = new MinHasher(MinHasher.DEFAULT_HASH_COUNT,
      Integer.getInteger("noise.shingle", MinHasher.DEFAULT_SHINGLE_SIZE), MinHasher.DEFAULT_SEED);
  private int forwardsWithoutAddress;
  private int forwardsUndetected;

  private NoiseQualityReport(long seed) {
    random = new Random(seed);
  }

  record Message(long time, int group, boolean original, boolean question, String author, String text) {
  }

  public static void main(String[] args) throws IOException {
    long seed = Long.getLong("tact.fuzz.seed", 4);
    NoiseQualityReport report = new NoiseQualityReport(seed);
    System.out.println(report.run(seed));
  }

  private String run(long seed) throws IOException {
    List<String> originals = originals();
    List<String> questions = questions(6000);
    List<Message> messages = new ArrayList<>();
    int variants = 0;
    for (int g = 0; g < originals.size(); g++) {
      long time = START + (long) random.nextInt((int) (30 * DAY));
      String sender = "rep" + g + "@vendor" + (g % 97) + ".example";
      String name = NAMES[g % NAMES.length];
      String body = originals.get(g);
      messages.add(direct(time, g, true, sender, name, withSalutationAndSignature(body, "Hi,", 0, name)));
      int count = 5 + random.nextInt(46);
      for (int v = 0; v < count; v++) {
        long at = time + 1 + random.nextInt((int) (3 * DAY));
        messages.add(variant(at, g, sender, name, body));
        variants++;
      }
    }
    int group = originals.size();
    for (String question : questions) {
      long time = START + (long) random.nextInt((int) (33 * DAY));
      messages.add(direct(time, group, false, "customer" + group + "@mail" + (group % 300) + ".example", "Customer",
          question, true));
      group++;
    }
    messages.sort((a, b) -> Long.compare(a.time(), b.time()));

    Clustering withAuthors = cluster(messages, false);
    Clustering textOnly = cluster(messages, true);
    Pairs fixtures = fixturePairs();

    StringBuilder out = new StringBuilder();
    out.append("| Figure | Value |\n|---|---:|\n");
    row(out, "Originals (groups)", originals.size());
    row(out, "Variants", variants);
    row(out, "… forwarded whose header gave no address (author unknown)", forwardsWithoutAddress);
    row(out, "… forwards ForwardDetector did not recognise", forwardsUndetected);
    row(out, "Distinct short questions, one sender each", questions.size());
    row(out, "Variant recall (joined their original's cluster; goal ≥ 0.98)",
        String.format(Locale.ROOT, "%.4f (%d of %d)", (double) withAuthors.variantsJoined / variants,
            withAuthors.variantsJoined, variants));
    row(out, "Groups collapsed entirely into one cluster", withAuthors.groupsWhole + " of " + originals.size());
    row(out, "Join precision (joins to the right group / all joins)",
        String.format(Locale.ROOT, "%.4f (%d of %d)", withAuthors.precision(), withAuthors.rightJoins,
            withAuthors.joins));
    row(out, "Merges among distinct senders' questions (goal 0)", withAuthors.questionMerges);
    row(out, "… for information: merges with text alone (no author rule)", textOnly.questionMerges);
    row(out, "… for information: text-alone variant recall",
        String.format(Locale.ROOT, "%.4f", (double) textOnly.variantsJoined / variants));
    row(out, "neardup-email-reply-fixtures dev: pair precision / recall at Jaccard ≥ 0.8 (text only)",
        String.format(Locale.ROOT, "%.3f / %.3f (%d true of %d predicted; %d labelled pairs, %d items)",
            fixtures.precision(), fixtures.recall(), fixtures.truePositives, fixtures.predicted, fixtures.labelled,
            fixtures.items));
    out.append("\nSeed ").append(seed).append(".\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String name, Object value) {
    out.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  static final class Clustering {
    int variantsJoined;
    int groupsWhole;
    int joins;
    int rightJoins;
    int questionMerges;

    double precision() {
      return joins == 0 ? 1 : (double) rightJoins / joins;
    }
  }

  private Clustering cluster(List<Message> messages, boolean textOnly) {
    SignatureIndex index = new SignatureIndex();
    int[] clusterOf = new int[messages.size()];
    Map<Integer, Integer> originalCluster = new HashMap<>();
    Clustering result = new Clustering();
    Set<Integer> mergedQuestions = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      String author = textOnly ? "everyone@same.example" : message.author();
      Signature signature = hasher.sign(normaliser.normalise(message.text()));
      Optional<IndexMatch> match = index.bestMatch(author, signature, message.time() - WINDOW, 0.8);
      if (match.isPresent()) {
        int other = (int) match.get().ref();
        clusterOf[i] = clusterOf[other];
        result.joins++;
        Message matched = messages.get(other);
        if (matched.group() == message.group()) {
          result.rightJoins++;
        } else if (DEBUG && !textOnly) {
          System.err.println("WRONG " + message.author() + " -> " + matched.author() + " sim="
              + match.get().similarity() + "\n  M: " + normaliser.normalise(message.text()) + "\n  T: "
              + normaliser.normalise(matched.text()));
        }
        if (message.question() || matched.question()) {
          if (message.question()) {
            mergedQuestions.add(i);
          }
          if (matched.question()) {
            mergedQuestions.add(other);
          }
        }
      } else {
        clusterOf[i] = i;
      }
      if (message.original()) {
        originalCluster.put(message.group(), clusterOf[i]);
      }
      index.add(i, author, signature, message.time());
    }
    Map<Integer, Boolean> whole = new HashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      if (message.question()) {
        continue;
      }
      boolean joined = clusterOf[i] == originalCluster.get(message.group());
      if (!joined && !textOnly && DEBUG && debugShown++ < 12) {
        Message original = messages.stream().filter(m -> m.original() && m.group() == message.group()).findFirst()
            .orElseThrow();
        System.err.println("MISSED author=" + message.author() + " vs " + original.author() + " sim="
            + hasher.sign(normaliser.normalise(message.text())).similarity(hasher.sign(normaliser.normalise(
            original.text()))) + "\n  V: " + normaliser.normalise(message.text()) + "\n  O: "
            + normaliser.normalise(original.text()) + "\n  RAW: " + message.text().replace("\n", "⏎"));
      }
      if (!message.original() && joined) {
        result.variantsJoined++;
      }
      whole.merge(message.group(), joined, Boolean::logicalAnd);
    }
    result.groupsWhole = (int) whole.values().stream().filter(b -> b).count();
    result.questionMerges = mergedQuestions.size();
    return result;
  }

  private Message variant(long time, int group, String sender, String name, String body) {
    String text = body;
    if (random.nextBoolean()) {
      text = addTracking(text);
    }
    if (random.nextInt(3) == 0) {
      text = rewrap(text, 40 + random.nextInt(50));
    }
    String salutation = random.nextBoolean() ? pick(SALUTATIONS) : "Hi,";
    int signature = random.nextBoolean() ? random.nextInt(SIGNATURES.length) : 0;
    text = withSalutationAndSignature(text, salutation, signature, name);
    if (random.nextInt(10) < 6) {
      return forwarded(time, group, sender, name, text);
    }
    if (random.nextInt(3) == 0) {
      text = pick(new String[] {"Sorry, resending this to the right address.", "Resending as I got no answer.",
          "Second try:"}) + "\n\n" + text;
    }
    return direct(time, group, false, sender, name, text);
  }

  private Message direct(long time, int group, boolean original, String sender, String name, String text) {
    return direct(time, group, original, sender, name, text, false);
  }

  private Message direct(long time, int group, boolean original, String sender, String name, String text,
      boolean question) {
    String raw = "From: " + name + " <" + sender + ">\r\nTo: info@acme.example\r\nSubject: " + subject(group)
        + "\r\nDate: Mon, 23 Nov 2026 10:15:00 +0100\r\nMessage-ID: <" + time + "." + random.nextInt()
        + "@vendor.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text.replace("\n", "\r\n") + "\r\n";
    ReadMail mail = read(raw);
    return new Message(time, group, original, question, sender, mail.newText());
  }

  private Message forwarded(long time, int group, String sender, String name, String text) {
    String staff = pick(STAFF) + "@acme.example";
    String comment = random.nextInt(3) == 0 ? "" : pick(COMMENTS) + "\n\n";
    boolean withoutAddress = random.nextInt(20) == 0;
    String from = withoutAddress ? name : name + " <" + sender + ">";
    String wrapped = switch (random.nextInt(3)) {
      case 0 -> comment + "---------- Forwarded message ---------\nFrom: " + from
          + "\nDate: Mon, 23 Nov 2026 at 10:15\nSubject: " + subject(group) + "\nTo: <" + staff + ">\n\n\n" + text;
      case 1 -> comment + "________________________________\nFrom: " + from
          + "\nSent: Monday, November 23, 2026 10:15 AM\nTo: " + staff + "\nSubject: " + subject(group) + "\n\n"
          + text;
      default -> comment + "Begin forwarded message:\n\nFrom: " + from + "\nSubject: " + subject(group)
          + "\nDate: 23 November 2026 at 10:15:00 CET\nTo: " + staff + "\n\n" + text;
    };
    String raw = "From: Staff <" + staff + ">\r\nTo: it@acme.example\r\nSubject: Fwd: " + subject(group)
        + "\r\nDate: Mon, 23 Nov 2026 11:00:00 +0100\r\nMessage-ID: <" + time + "." + random.nextInt()
        + "@acme.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n" + wrapped.replace("\n", "\r\n") + "\r\n";
    ReadMail mail = read(raw);
    if (mail.forwarded().isEmpty()) {
      forwardsUndetected++;
      return new Message(time, group, false, false, staff, mail.newText());
    }
    String author = mail.forwarded().get().fromAddress();
    if (author.isBlank()) {
      forwardsWithoutAddress++;
      author = null;
    }
    String visible = replies.extract(mail.forwarded().get().text()).visible();
    return new Message(time, group, false, false, author,
        visible.isBlank() ? mail.forwarded().get().text() : visible);
  }

  private static String subject(int group) {
    return "Offer " + group;
  }

  private ReadMail read(String raw) {
    try {
      return reader.read(raw.getBytes(StandardCharsets.UTF_8));
    } catch (UnparseableMailException e) {
      throw new IllegalStateException(e);
    }
  }

  private String withSalutationAndSignature(String body, String salutation, int signature, String name) {
    String sign = String.format(Locale.ROOT, SIGNATURES[signature], name, 100 + random.nextInt(900),
        name.toLowerCase(Locale.ROOT).replace(' ', '.'));
    return (salutation.isEmpty() ? "" : salutation + "\n\n") + body + (sign.isEmpty() ? "" : "\n\n" + sign);
  }

  private String addTracking(String text) {
    String parameters = switch (random.nextInt(4)) {
      case 0 -> "utm_source=newsletter&utm_medium=email&utm_campaign=q" + random.nextInt(9);
      case 1 -> "fbclid=IwAR" + Integer.toHexString(random.nextInt());
      case 2 -> "mc_cid=" + Integer.toHexString(random.nextInt()) + "&mc_eid=" + Integer.toHexString(random.nextInt());
      default -> "_hsenc=p2ANqtz" + Integer.toHexString(random.nextInt()) + "&_hsmi=" + random.nextInt(99999);
    };
    return text.replaceAll("(https?://[^\\s?]+)(\\s|$)", "$1?" + parameters + "$2");
  }

  private static String rewrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n\\s*\n")) {
      int column = 0;
      for (String word : paragraph.split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        if (column > 0 && column + word.length() + 1 > width) {
          out.append('\n');
          column = 0;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      out.append("\n\n");
    }
    return out.toString().strip();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Reply-parser fixture mails (their text part) and Bitext's longer answers, each with a product link. */
  private List<String> originals() throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    for (String folder : List.of("reply-crisp-email-reply-parser", "reply-github-email_reply_parser",
        "reply-willdurand-EmailReplyParser", "reply-zapier-email-reply-parser")) {
      try (Stream<Path> files = Files.list(Corpora.dev(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          String text = Files.readString(file, StandardCharsets.UTF_8).strip();
          if (normaliser.normalise(text).split(" ").length >= 8) {
            texts.add(text);
          }
        }
      }
    }
    List<List<String>> bitext = csv(Corpora.dev("intent-bitext-customer-support")
        .resolve("bitext_customer_support.csv"));
    int response = bitext.getFirst().indexOf("response");
    List<String> answers = new ArrayList<>();
    for (List<String> row : bitext.subList(1, bitext.size())) {
      String text = row.get(response).strip();
      if (text.split("\\s+").length >= 60) {
        answers.add(text);
      }
    }
    List<Signature> seen = new ArrayList<>();
    texts.removeIf(text -> {
      Signature signature = hasher.sign(normaliser.normalise(replies.extract(text).visible()));
      boolean nearCopy = seen.stream().anyMatch(other -> other.similarity(signature) >= 0.5);
      seen.add(signature);
      return nearCopy;
    });
    Collections.shuffle(answers, random);
    int n = 0;
    for (String answer : answers) {
      if (texts.size() >= 560) {
        break;
      }
      Signature signature = hasher.sign(normaliser.normalise(answer));
      if (seen.stream().anyMatch(other -> other.similarity(signature) >= 0.5)) {
        continue;
      }
      seen.add(signature);
      texts.add(answer + "\n\nMore at https://offers.vendor" + n + ".example/p/" + n + "/details");
      n++;
    }
    return new ArrayList<>(texts);
  }

  /** Short distinct questions (distinct after normalisation) from BANKING77 and CLINC150. */
  private List<String> questions(int count) throws IOException {
    List<String> all = new ArrayList<>();
    for (String[] spec : new String[][] {{"intent-banking77", "banking77.csv"},
        {"intent-clinc150", "clinc150.csv"}}) {
      List<List<String>> rows = csv(Corpora.dev(spec[0]).resolve(spec[1]));
      for (List<String> row : rows.subList(1, rows.size())) {
        all.add(row.getFirst());
      }
    }
    Collections.shuffle(all, random);
    Map<String, String> distinct = new HashMap<>();
    List<String> chosen = new ArrayList<>();
    for (String question : all) {
      if (chosen.size() == count) {
        break;
      }
      if (distinct.putIfAbsent(normaliser.normalise(question), question) == null) {
        chosen.add(question);
      }
    }
    return chosen;
  }

  record Pairs(int items, int labelled, int predicted, int truePositives) {
    double precision() {
      return predicted == 0 ? 1 : (double) truePositives / predicted;
    }

    double recall() {
      return labelled == 0 ? 1 : (double) truePositives / labelled;
    }
  }

  private Pairs fixturePairs() throws IOException {
    Path root = Corpora.dev("neardup-email-reply-fixtures");
    Set<String> positives = new HashSet<>();
    for (String line : Files.readAllLines(root.resolve("positive_pairs.tsv"))) {
      String[] fields = line.split("\t");
      if (!fields[0].equals("item_a")) {
        positives.add(fields[0] + "|" + fields[1]);
      }
    }
    List<String> ids = new ArrayList<>();
    List<Signature> signatures = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("items"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        ids.add(name.substring(0, name.indexOf("__")));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        signatures.add(hasher.sign(normaliser.normalise(text)));
      }
    }
    int predicted = 0;
    int truePositives = 0;
    int labelled = 0;
    for (int a = 0; a < ids.size(); a++) {
      for (int b = a + 1; b < ids.size(); b++) {
        boolean positive = positives.contains(ids.get(a) + "|" + ids.get(b))
            || positives.contains(ids.get(b) + "|" + ids.get(a));
        boolean duplicate = signatures.get(a).similarity(signatures.get(b)) >= 0.8;
        labelled += positive ? 1 : 0;
        predicted += duplicate ? 1 : 0;
        truePositives += positive && duplicate ? 1 : 0;
      }
    }
    return new Pairs(ids.size(), labelled, predicted, truePositives);
  }

  /** RFC 4180: quoted fields may hold commas, quotes and line breaks. */
  static List<List<String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(fields);
    }
    return rows;
  }
}
