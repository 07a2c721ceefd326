package dev.tact.routing.language;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses the language of a short customer message by counting its most frequent function words (articles,
 * pronouns, prepositions) in English, German, French, Spanish, Italian, Dutch and Portuguese. Such words make up
 * a third to a half of any running text, so two or three sentences suffice, and they are not product names or
 * jargon that a support message borrows from English. No guess (empty) when the text has too few of them or two
 * languages are about as likely: the caller then falls back to the contact's locale. Thread-safe.
 */
public final class LanguageGuesser {

  /** The languages this guesser knows, as ISO 639-1 codes. */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt");

  private static final Map<String, Set<String>> WORDS = Map.of(
      "en", words("the and is are was to of in it that this you your we our for with on not have has be can "
          + "please my me i would could will there what when why how from do does did an at"),
      "de", words("der die das und ist sind nicht ich sie wir ein eine einen mit auf für von zu den dem des "
          + "bitte mein meine ihr ihre haben hat wie was warum noch auch aber oder sich bei nach kann können"),
      "fr", words("le la les et est sont je vous nous un une des du de pour avec pas ne que qui dans sur mon ma "
          + "mes votre vos merci bonjour il elle ce cette mais ou au aux j'ai c'est est-ce"),
      "es", words("el la los las y es son yo usted nosotros un una unos de del para con no que en por mi mis su "
          + "sus gracias hola pero o al como está tengo tiene hay muy"),
      "it", words("il lo la gli le e è sono io lei noi un una di del della per con non che in su mio mia mie "
          + "suo sua grazie buongiorno ma o al come ho ha perché questo questa"),
      "nl", words("de het een en is zijn ik u wij we niet van voor met op dat die in mijn uw jullie bedankt "
          + "dank hallo maar of aan hoe heb heeft kan graag ook er"),
      "pt", words("o a os as e é são eu você nós um uma de do da dos das para com não que em por meu minha seu "
          + "sua obrigado obrigada olá mas ou ao como tenho tem está muito"));

  private final int minimumHits;

  /** A guesser that needs at least three function words before it names a language. */
  public LanguageGuesser() {
    this(3);
  }

  LanguageGuesser(int minimumHits) {
    this.minimumHits = minimumHits;
  }

  /** The text's language (ISO 639-1), or empty when it is not clear. Any string, null included, is accepted. */
  public Optional<String> guess(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Map<String, Integer> hits = new HashMap<>();
    String lower = text.length() > 4000 ? text.substring(0, 4000) : text;
    for (String token : lower.toLowerCase(Locale.ROOT).split("[^\\p{L}'-]+")) {
      if (token.isEmpty()) {
        continue;
      }
      for (String language : LANGUAGES) {
        if (WORDS.get(language).contains(token)) {
          hits.merge(language, 1, Integer::sum);
        }
      }
    }
    String best = null;
    int bestHits = 0;
    int secondHits = 0;
    for (String language : LANGUAGES) {
      int h = hits.getOrDefault(language, 0);
      if (h > bestHits) {
        secondHits = bestHits;
        bestHits = h;
        best = language;
      } else if (h > secondHits) {
        secondHits = h;
      }
    }
    // Short words are shared (de/nl "de", es/pt "de", fr/es "la"): demand a clear lead.
    if (best == null || bestHits < minimumHits || bestHits < secondHits * 1.5 || bestHits - secondHits < 2) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /**
   * The language to route by: the text's when it is clear, else the language of the contact's locale (a tag such
   * as {@code de-CH}), else empty.
   */
  public Optional<String> choose(String text, String contactLocale) {
    Optional<String> guessed = guess(text);
    if (guessed.isPresent()) {
      return guessed;
    }
    if (contactLocale == null || contactLocale.isBlank()) {
      return Optional.empty();
    }
    String language = Locale.forLanguageTag(contactLocale.strip().replace('_', '-')).getLanguage();
    return language.isEmpty() ? Optional.empty() : Optional.of(language);
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.copyOf(new HashSet<>(List.of(spaceSeparated.split(" "))));
  }
}
