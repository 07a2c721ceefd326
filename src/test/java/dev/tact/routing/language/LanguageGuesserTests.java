package dev.tact.routing.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageGuesserTests {

  private final LanguageGuesser guesser = new LanguageGuesser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en|Hello, my router stopped working after the update. Can you please tell me what to do? It is urgent.",
      "de|Guten Tag, mein Router funktioniert nach dem Update nicht mehr. Können Sie mir bitte sagen, was ich tun soll?",
      "fr|Bonjour, mon routeur ne fonctionne plus depuis la mise à jour. Pouvez-vous me dire ce que je dois faire ?",
      "es|Hola, mi router no funciona desde la actualización. ¿Me pueden decir qué tengo que hacer? Es muy urgente.",
      "it|Buongiorno, il mio router non funziona più dopo l'aggiornamento. Potete dirmi che cosa devo fare per questo?",
      "nl|Hallo, mijn router werkt niet meer na de update. Kunt u mij vertellen wat ik moet doen? Ik heb het graag snel.",
      "pt|Olá, o meu router não funciona desde a atualização. Podem dizer o que eu tenho de fazer? É muito urgente.",
      "de|Die Rechnung vom März ist zu hoch, bitte prüfen Sie das und schicken mir eine neue.",
      "fr|Je n'ai pas reçu la facture de mars, merci de me la renvoyer avec le bon montant."})
  void shouldReadTheLanguageOfRealisticSupportMessagesWhenTheyHaveAFewSentences(String language, String text) {
    assertThat(guesser.guess(text)).contains(language);
  }

  @Test
  void shouldNotGuessWhenTheTextHasTooFewFunctionWords() {
    assertThat(guesser.guess("Router X2 error 500")).isEmpty();
    assertThat(guesser.guess("")).isEmpty();
    assertThat(guesser.guess(null)).isEmpty();
    assertThat(guesser.guess("12345 !!! ???")).isEmpty();
  }

  @Test
  void shouldNotGuessWhenTwoLanguagesAreAboutAsLikely() {
    // "de la" is French and Spanish alike, "de" Dutch and Portuguese too
    assertThat(guesser.guess("de la de la")).isEmpty();
  }

  @Test
  void shouldFallBackToTheContactsLocaleWhenTheTextIsNotClear() {
    assertThat(guesser.choose("Router X2 error 500", "de-CH")).contains("de");
    assertThat(guesser.choose("Router X2 error 500", "fr_CA")).contains("fr");
    assertThat(guesser.choose("Router X2 error 500", null)).isEmpty();
    assertThat(guesser.choose("Router X2 error 500", " ")).isEmpty();
  }

  @Test
  void shouldPreferTheTextOverTheLocaleWhenTheyDisagree() {
    assertThat(guesser.choose("Bonjour, je ne peux pas me connecter à mon compte depuis ce matin.", "en-GB"))
        .isEqualTo(Optional.of("fr"));
  }

  @Test
  void shouldReadOnlyTheStartOfAHugeText() {
    String huge = "Guten Tag, ich habe eine Frage zu meiner Rechnung und bitte um Hilfe. " + "x ".repeat(500_000);
    assertThat(guesser.guess(huge)).contains("de");
  }
}
