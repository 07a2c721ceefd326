package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyMarkersTests {

  @Test
  void shouldKnowAttributionsInTheLanguagesReplyExtractionKnows() {
    assertThat(ReplyMarkers.isAttribution("On Mon, 23 Nov 2026 at 10:15, Anna <a@b.example> wrote:")).isTrue();
    assertThat(ReplyMarkers.isAttribution("Am 23.11.2026 um 10:15 schrieb Anna <a@b.example>:")).isTrue();
    assertThat(ReplyMarkers.isAttribution("Dne 3. 3. 2024 v 10:00 Jan Novák <jan@example.cz> napsal(a):")).isTrue();
    assertThat(ReplyMarkers.isAttribution("Here is what I wrote to the bank")).isFalse();
  }

  @Test
  void shouldTellAnOriginalMessageSeparatorFromAForwardMarker() {
    assertThat(ReplyMarkers.isOriginalMessage("-----Original Message-----")).isTrue();
    assertThat(ReplyMarkers.isOriginalMessage("---------- Forwarded message ---------")).isFalse();
    assertThat(ReplyMarkers.isForwardMarker("---------- Forwarded message ---------")).isTrue();
    assertThat(ReplyMarkers.isForwardMarker("Begin forwarded message:")).isTrue();
  }

  @Test
  void shouldKnowQuotedLines() {
    assertThat(ReplyMarkers.isQuoted("> Does Tuesday work?")).isTrue();
    assertThat(ReplyMarkers.isQuoted("Tuesday works.")).isFalse();
  }
}
