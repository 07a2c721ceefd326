package dev.tact.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToneCheckTests {

  private final ToneCheck check = new ToneCheck();

  @Test
  void flagsAnInsultAndPointsAtItWithASuggestion() {
    String text = "Honestly, that was a stupid thing to do.";
    ToneReport report = check.check(text);

    assertThat(report.flagged()).isTrue();
    ToneFinding finding = report.findings().getFirst();
    assertThat(finding.kind()).isEqualTo(ToneKind.HOSTILE);
    assertThat(text.substring(finding.start(), finding.end())).isEqualTo("stupid");
    assertThat(finding.phrase()).isEqualTo("stupid");
    assertThat(finding.suggestion()).isNotBlank();
  }

  @Test
  void findsEachKind() {
    assertThat(kinds("Really? You waited ten minutes.")).contains(ToneKind.SARCASTIC);
    assertThat(kinds("That is not my problem.")).contains(ToneKind.DISMISSIVE);
    assertThat(kinds("Did you even read the email?")).contains(ToneKind.CONDESCENDING);
    assertThat(kinds("This is your own fault.")).contains(ToneKind.BLAMING);
    assertThat(kinds("WHY DID YOU DELETE IT")).contains(ToneKind.SHOUTING);
  }

  @Test
  void leavesAPoliteReplyAlone() {
    ToneReport report = check.check("Hi Siobhán, thanks a lot for your patience. I have refunded order A-1042; "
        + "it should reach your account within three days. Is there anything else I can help with?");

    assertThat(report.flagged()).isFalse();
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void aBluntPhraseAloneIsHighlightedButDoesNotFlagTheDraft() {
    ToneReport report = check.check("Are you sure the export runs at night?");

    assertThat(report.findings()).extracting(ToneFinding::kind).containsExactly(ToneKind.CONDESCENDING);
    assertThat(report.flagged()).isFalse();
  }

  @Test
  void curlyApostrophesMatchAndIndexesStayInTheOriginalText() {
    String text = "It’s not my problem — as I already said, you should’ve read it.";
    ToneReport report = check.check(text);

    assertThat(report.flagged()).isTrue();
    for (ToneFinding f : report.findings()) {
      assertThat(text.substring(f.start(), f.end())).isEqualTo(f.phrase());
    }
    assertThat(report.findings()).extracting(ToneFinding::phrase).contains("you should’ve");
  }

  @Test
  void findingsDoNotOverlapAndComeInTextOrder() {
    ToneReport report = check.check("You clearly didn't read it. Why didn't you? Is that clear?!");

    List<ToneFinding> f = report.findings();
    for (int i = 1; i < f.size(); i++) {
      assertThat(f.get(i).start()).isGreaterThanOrEqualTo(f.get(i - 1).end());
    }
    assertThat(report.score()).isGreaterThanOrEqualTo(ToneCheck.FLAG_AT);
  }

  @Test
  void emptyAndHugeTexts() {
    assertThat(check.check("").flagged()).isFalse();
    assertThat(check.check(null).findings()).isEmpty();
    String huge = "fine ".repeat(10_000) + " idiot";
    assertThat(check.check(huge).flagged()).as("only the first %d characters are read", ToneCheck.MAX_CHARS)
        .isFalse();
  }

  @Test
  void aBrokenLexiconLineIsRefused() {
    assertThatThrownBy(() -> ToneLexicon.parse(List.of("hostile\t1.0\tidiot")))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> ToneLexicon.parse(List.of("hostile\t1.0\tIdiot\\b\tsay it kindly")))
        .hasMessageContaining("lower case");
    assertThat(ToneLexicon.parse(List.of("hostile\t1.0\t\\bidiot\\S*\tsay it kindly"))).hasSize(1);
  }

  private List<ToneKind> kinds(String text) {
    return check.check(text).findings().stream().map(ToneFinding::kind).toList();
  }

  @Test
  void shouldFindWordsOpeningALineBelowLongRunsOfBlankLines() {
    // these patterns once read from every line start to the end of the run (20,000 newlines: up to a minute)
    String blank = "\n".repeat(6_000);
    String text = "Thanks for waiting." + blank + "Um, sure." + blank + "Wow" + blank + "Whatever";
    ToneReport report = check.check(text);
    assertThat(report.findings()).extracting(f -> text.substring(f.start(), f.end()))
        .containsExactly("Um,", "Wow", "Whatever");
  }
}
