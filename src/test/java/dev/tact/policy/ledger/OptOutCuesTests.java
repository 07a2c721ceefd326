package dev.tact.policy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.routing.IntentCorpus;
import dev.tact.shared.Channel;
import dev.tact.testsupport.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link OptOutClassifier#mayFind} may say "no" only where {@link OptOutClassifier#classify} finds nothing: read over
 * the opt-out requests, hand-written wording for every pattern, the intent, tone and mail corpora
 * (../shared/corpora), and variants of them (case, spacing, quotes, punctuation, polite words, Unicode forms, length).
 */
class OptOutCuesTests {

  private static final OptOutClassifier CLASSIFIER = new OptOutClassifier();
  /** Wording for each pattern the pre-check relies on, beside the opt-out requests of opt-outs.tsv. */
  private static final List<String> WORDING = List.of("Please don't ring me", "never phone this number",
      "no more cold calls", "put my number on your do not call list", "don't text my mobile", "stop sending me sms",
      "no more text messages", "do not e-mail us", "stop sending your newsletter", "no more newsletters",
      "remove me from all marketing email lists", "kindly unsubscribe", "please stop pestering us",
      "leave me alone", "take me off any of your database", "opt me out", "i opt-out",
      "stop sending me your promotions", "ne me téléphonez plus", "arretez de m'appeler", "ne plus me contacter",
      "désinscrivez-moi", "keine anrufe mehr", "keine werbung mehr", "bitte keine newsletter mehr",
      "ich moechte mich vom newsletter abmelden", "tragen sie mich bitte aus der liste aus", "no me vuelvan a llamar",
      "no me escriban", "dar de baja", "no me envíes más mensajes", "non mi chiamate più",
      "cancellatemi dalla vostra mailing list", "não me liguem", "nao me mandem mais", "nao quero mais receber",
      "bel mij a.u.b. niet meer", "mail mij geen nieuwsbrieven meer", "schrijf mij uit", "pas intéressée",
      "no me interesa", "niet geïnteresseerd", "nicht interessiert", "dnc", "too many texts", "take me off",
      "stop e-mailing", "unsubscribing is broken", "désabonnement", "enough", "quit it", "Stop.", "END",
      "Please stop calling me" + "\r".repeat(19_000) + "Jane", "Why did you stop calling me?");
  private static final String ORDINARY = "Hello team, the invoice from last week arrived and the amounts look right, "
      + "the delivery was on time as well. ";
  private static final List<Function<String, String>> VARIANTS = List.of(
      t -> t,
      t -> t.toUpperCase(Locale.ROOT),
      OptOutCuesTests::titleCase,
      t -> t.toUpperCase(Locale.ROOT).replace('I', 'İ').replace('K', '\u212a'),
      t -> t.replace(" ", "  "),
      t -> t.replace(" ", "\t"),
      t -> t.replace(" ", "\u00a0"),
      t -> t.replace(" ", " \n "),
      t -> t.replace(" ", "\r"),
      t -> t.replace('\'', '\u2019').replace("o", "o\u200b"),
      t -> Normalizer.normalize(t, Normalizer.Form.NFD),
      t -> Normalizer.normalize(t, Normalizer.Form.NFKC),
      t -> "¡¡ «" + t + "» !!! 🙂",
      t -> t.replace(" ", ", "),
      t -> t + "...",
      t -> "please please " + t + " thank you thank you",
      t -> "Pls, " + t.toUpperCase(Locale.ROOT) + ", thanks!",
      t -> ORDINARY + t,
      t -> t + ". " + ORDINARY);
  /** Past the 20,000 characters classify reads: for a few wordings only, it is most of the test's time. */
  private static final Function<String, String> LONG = t -> t + " " + "lorem ".repeat(3_400);
  private static final List<Function<String, String>> CORPUS_VARIANTS = List.of(t -> t,
      t -> t.toUpperCase(Locale.ROOT).replace(" ", "\t").replace('\'', '\u2019'));

  private static List<String> texts;
  /** The texts classify finds opt-out wording in (CLEAR or UNCLEAR; the channel changes no NONE). */
  private static List<String> found;

  @BeforeAll
  static void readTexts() {
    Set<String> all = new LinkedHashSet<>();
    List<String> requests = new ArrayList<>(WORDING);
    OptOutAccuracy.optOuts().forEach(row -> requests.add(row[0]));
    OptOutClassifier.KEYWORDS.forEach(requests::add);
    OptOutClassifier.SMS_KEYWORDS.forEach(requests::add);
    requests.forEach(text -> VARIANTS.forEach(variant -> all.add(variant.apply(text))));
    WORDING.subList(0, 8).forEach(text -> all.add(LONG.apply(text)));
    // the many short utterances as they are; the mails (headers, quotes, signatures) in every corpus variant too
    Stream.of(OptOutAccuracy.utterances(), tone()).flatMap(List::stream).forEach(all::add);
    mails().forEach(text -> CORPUS_VARIANTS.forEach(variant -> all.add(variant.apply(text))));
    texts = List.copyOf(all);
    found = texts.stream()
        .filter(t -> CLASSIFIER.classify(t, Channel.EMAIL).verdict() != OptOutClassifier.Verdict.NONE).toList();
  }

  @Test
  void everyMatchOfAPatternThePreCheckReliesOnHoldsItsCues() {
    List<OptOutClassifier.CuedMatch> matches = texts.stream().flatMap(t -> OptOutClassifier.cuedMatches(t).stream())
        .toList();

    assertThat(matches).filteredOn(match -> !match.holdsCues()).as("matches without their pattern's cues").isEmpty();
    assertThat(matches.stream().map(OptOutClassifier.CuedMatch::pattern).distinct())
        .as("patterns matched at least once").containsExactlyInAnyOrderElementsOf(OptOutClassifier.cuedPatterns());
  }

  @Test
  void thePreCheckSaysNoOnlyWhereClassifyFindsNothing() {
    assertThat(missedBy(CLASSIFIER::mayFind)).isEmpty();
    assertThat(found).as("texts classify finds wording in").hasSizeGreaterThan(1_900);
  }

  @Test
  void thePreCheckSaysNoToMostOrdinaryMessages() {
    List<String> utterances = OptOutAccuracy.utterances();
    long through = utterances.stream().filter(CLASSIFIER::mayFind).count();
    assertThat((double) through / utterances.size()).as("utterances let through").isLessThan(0.1);
  }

  @Test
  void aPreCheckThatIsTooStrictIsCaught() {
    assertThat(missedBy(t -> CLASSIFIER.mayFind(t.replace("call", "c-all")))).as("without the cue \"call\"")
        .anyMatch(t -> t.startsWith(ORDINARY) && t.contains("call"));
    assertThat(missedBy(t -> t.strip().length() > 4 && CLASSIFIER.mayFind(t))).as("without messages of a keyword")
        .contains("END", "STOP");
  }

  @Test
  void aBareKeywordBetweenEveryPoliteWordClassifyStripsIsAtTheLetterBound() {
    String longest = "please please unsubscribe me thank you thank you";
    assertThat(CLASSIFIER.classify(longest, Channel.EMAIL).verdict()).isEqualTo(OptOutClassifier.Verdict.CLEAR);
    assertThat(longest.chars().filter(Character::isLetterOrDigit).count())
        .isEqualTo(OptOutClassifier.KEYWORD_MESSAGE_LETTERS);
  }

  /** The texts classify finds wording in that the pre-check says no to (their first 200 characters). */
  private static List<String> missedBy(Predicate<String> preCheck) {
    return found.stream().filter(preCheck.negate()).map(t -> t.length() <= 200 ? t : t.substring(0, 200) + "…")
        .toList();
  }

  private static String titleCase(String text) {
    StringBuilder title = new StringBuilder(text.length());
    boolean start = true;
    for (char c : text.toCharArray()) {
      title.append(start ? Character.toTitleCase(c) : c);
      start = Character.isWhitespace(c);
    }
    return title.toString();
  }

  private static List<String> tone() {
    return IntentCorpus.rows("tone-stanford-politeness", "stanford_politeness.csv").stream()
        .map((Map<String, String> row) -> row.get("text")).toList();
  }

  /** Every text file of the reply, mail and signature corpora, read whole (headers and quotes too). */
  private static List<String> mails() {
    try (Stream<Path> folders = Files.list(Corpora.root())) {
      List<Path> files = new ArrayList<>();
      for (Path folder : folders.filter(f -> f.getFileName().toString().matches("(reply|talon|mime|email)-.*"))
          .toList()) {
        try (Stream<Path> walk = Files.walk(folder.resolve("dev"))) {
          walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".json")).forEach(files::add);
        }
      }
      List<String> mails = new ArrayList<>();
      for (Path file : files) {
        mails.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
      return mails;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
