package dev.tact.effort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EffortScoreTests {

  @Test
  void shouldScoreAConversationAnsweredAtOnceAsEffortless() {
    EffortScore once = new EffortScore(1, 0, 0, 0, false, 0);

    assertThat(once.score()).isZero();
    assertThat(once.explanation()).isEqualTo("Effort 0 of 100: the customer asked once and needed nothing more.");
  }

  @Test
  void shouldAddThePointsOfEachPartAndSayWhichPartsAddedHowMuch() {
    EffortScore effort = new EffortScore(3, 1, 1, 1, true, 95);

    // 2 messages beyond the first: 10; 1 hand-off: 10; 1 reopen: 15; 1 switch: 8; repeat: 15; 95 min / 20: 4
    assertThat(effort.score()).isEqualTo(10 + 10 + 15 + 8 + 15 + 4);
    assertThat(effort.parts()).extracting(EffortScore.Part::points).containsExactly(10, 10, 15, 8, 15, 4);
    assertThat(effort.explanation()).startsWith("Effort 62 of 100: reopened 1 time after it was solved (+15), ")
        .contains("3 messages from the customer (2 beyond the first) (+10)", "1 hand-off between teams",
            "waited 1 h 35 min of business time for replies (+4)")
        .doesNotContain("capped");
  }

  @Test
  void shouldCapEachPartAndTheWholeScore() {
    EffortScore most = new EffortScore(400, 50, 20, 30, true, 100_000);

    assertThat(most.parts()).extracting(EffortScore.Part::points).containsExactly(25, 30, 30, 16, 15, 30);
    assertThat(most.score()).isEqualTo(100);
    assertThat(most.explanation()).startsWith("Effort 100 of 100: ").endsWith("; capped at 100.");
  }

  @Test
  void shouldNeverLowerTheScoreWhenAnyPartGrows() {
    Random random = new Random(19);
    for (int i = 0; i < 5_000; i++) {
      EffortScore base = new EffortScore(random.nextInt(12), random.nextInt(6), random.nextInt(4), random.nextInt(4),
          random.nextBoolean(), random.nextInt(1_000));
      int grow = random.nextInt(1, 30);
      EffortScore[] more = {
          new EffortScore(base.customerMessages() + grow, base.handoffs(), base.reopens(), base.channelSwitches(),
              base.repeatContact(), base.waitedBusinessMinutes()),
          new EffortScore(base.customerMessages(), base.handoffs() + grow, base.reopens(), base.channelSwitches(),
              base.repeatContact(), base.waitedBusinessMinutes()),
          new EffortScore(base.customerMessages(), base.handoffs(), base.reopens() + grow, base.channelSwitches(),
              base.repeatContact(), base.waitedBusinessMinutes()),
          new EffortScore(base.customerMessages(), base.handoffs(), base.reopens(), base.channelSwitches() + grow,
              base.repeatContact(), base.waitedBusinessMinutes()),
          new EffortScore(base.customerMessages(), base.handoffs(), base.reopens(), base.channelSwitches(), true,
              base.waitedBusinessMinutes()),
          new EffortScore(base.customerMessages(), base.handoffs(), base.reopens(), base.channelSwitches(),
              base.repeatContact(), base.waitedBusinessMinutes() + grow * 7L)};
      for (EffortScore larger : more) {
        assertThat(larger.score()).as("%s → %s", base, larger).isGreaterThanOrEqualTo(base.score());
        assertThat(larger.score()).isBetween(0, 100);
      }
    }
  }

  @Test
  void shouldRefuseNegativeCounts() {
    assertThatThrownBy(() -> new EffortScore(-1, 0, 0, 0, false, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
