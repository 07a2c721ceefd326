package dev.tact.routing.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormaliserTests {

  @Test
  void shouldLowerCaseAndSplitOnPunctuationWhenTextIsPlain() {
    assertThat(TextNormaliser.tokens("Hello, World!  Where's my CARD?", 1000))
        .containsExactly("hello", "world", "wheres", "my", "card");
  }

  @Test
  void shouldFoldCompatibilityFormsWhenTextUsesFullWidthOrLigatures() {
    assertThat(TextNormaliser.normalise("ＣＡＲＤ ﬁle", 1000)).isEqualTo("card file");
  }

  @Test
  void shouldWriteEveryDigitAsZeroWhenTextHasNumbers() {
    assertThat(TextNormaliser.normalise("Order #732201 for $45.99", 1000)).isEqualTo("order 000000 for 00 00");
  }

  @Test
  void shouldKeepLettersOfOtherScriptsWhenTextIsNotEnglish() {
    assertThat(TextNormaliser.tokens("Überweisung fehlgeschlagen – ¿dónde está? 返金", 1000))
        .containsExactly("überweisung", "fehlgeschlagen", "dónde", "está", "返金");
  }

  @Test
  void shouldGiveNothingWhenTextIsNullBlankOrOnlyPunctuation() {
    assertThat(TextNormaliser.normalise(null, 100)).isEmpty();
    assertThat(TextNormaliser.normalise(" \t\n ", 100)).isEmpty();
    assertThat(TextNormaliser.tokens("?!... --- :-)", 100)).isEmpty();
  }

  @Test
  void shouldReadOnlyTheLeadingCharactersWhenTextIsLong() {
    assertThat(TextNormaliser.normalise("abc def ghi", 5)).isEqualTo("abc d");
  }

  @Test
  void shouldNotSplitASurrogatePairWhenTheLimitFallsInside() {
    String text = "ab\uD83D\uDE00cd"; // an emoji at index 2..3
    assertThat(TextNormaliser.normalise(text, 3)).isEqualTo("ab");
  }

  @Test
  void shouldGiveSingleSpacedLowerCaseTokensWhenInputIsRandom() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int j = 0; j < length; j++) {
        text.append((char) random.nextInt(0x3000));
      }
      String normalised = TextNormaliser.normalise(text.toString(), 1000);
      assertThat(normalised).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
      assertThat(TextNormaliser.normalise(normalised, 1000)).as("idempotent").isEqualTo(normalised);
    }
  }
}
