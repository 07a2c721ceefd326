package dev.tact.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactRhythmTests {

  private static final ChurnProperties SETTINGS = ChurnProperties.defaults();
  private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

  private static ContactRhythm after(ContactRhythm rhythm, Instant at) {
    return rhythm.after(at, rhythm.startsEpisode(at, SETTINGS), SETTINGS);
  }

  private static ContactRhythm everyDays(int... gaps) {
    ContactRhythm rhythm = ContactRhythm.first(START);
    Instant at = START;
    for (int gap : gaps) {
      at = at.plus(Duration.ofDays(gap));
      rhythm = after(rhythm, at);
    }
    return rhythm;
  }

  @Test
  void shouldTakeTheMedianIntervalOnlyOnceThereAreEnoughEpisodes() {
    assertThat(everyDays(10, 12).usualIntervalSeconds(SETTINGS)).as("3 episodes, 4 needed").isNull();
    ContactRhythm four = everyDays(10, 12, 50);
    assertThat(four.episodes()).isEqualTo(4);
    assertThat(four.usualIntervalSeconds(SETTINGS)).isEqualTo(Duration.ofDays(12).toSeconds());
    assertThat(everyDays(10, 12, 50, 14).usualIntervalSeconds(SETTINGS))
        .as("even count: mean of the middle two").isEqualTo(Duration.ofDays(13).toSeconds());
  }

  @Test
  void shouldCountContactsWithinADayAsOneEpisodeAndIgnoreThemForTheInterval() {
    ContactRhythm rhythm = everyDays(10, 10, 10);
    ContactRhythm sameDay = after(rhythm, rhythm.lastEpisodeAt().plus(Duration.ofHours(5)));
    assertThat(sameDay.episodes()).isEqualTo(4);
    assertThat(sameDay.recentIntervals()).hasSize(3);
    assertThat(sameDay.lastActivityAt()).isEqualTo(rhythm.lastEpisodeAt().plus(Duration.ofHours(5)));
  }

  @Test
  void shouldKeepOnlyTheRecentIntervals() {
    int[] gaps = new int[20];
    java.util.Arrays.fill(gaps, 0, 10, 30);
    java.util.Arrays.fill(gaps, 10, 20, 5);
    ContactRhythm rhythm = everyDays(gaps);
    assertThat(rhythm.recentIntervals()).hasSize(SETTINGS.keptIntervals());
    assertThat(rhythm.usualIntervalSeconds(SETTINGS)).as("the last 12 are ten 5s and two 30s")
        .isEqualTo(Duration.ofDays(5).toSeconds());
  }

  @Test
  void shouldBeOverdueAfterKTimesTheUsualIntervalButNeverBeforeTheLongestKnownGap() {
    ContactRhythm regular = everyDays(10, 10, 10, 10);
    assertThat(regular.overdueAt(SETTINGS)).isEqualTo(regular.lastActivityAt().plus(Duration.ofDays(20)));
    ContactRhythm irregular = everyDays(10, 10, 45, 10);
    assertThat(irregular.usualIntervalSeconds(SETTINGS)).isEqualTo(Duration.ofDays(10).toSeconds());
    assertThat(irregular.overdueAt(SETTINGS)).isEqualTo(irregular.lastActivityAt().plus(Duration.ofDays(45)));
    assertThat(everyDays(10, 10).overdueAt(SETTINGS)).isNull();
  }

  @Test
  void shouldReadBackTheIntervalsItWrites() {
    ContactRhythm rhythm = everyDays(3, 7, 11);
    assertThat(ContactRhythm.parseIntervals(rhythm.intervalsText())).isEqualTo(rhythm.recentIntervals());
    assertThat(ContactRhythm.parseIntervals("")).isEmpty();
  }
}
