package dev.tact.effort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.Channel;
import dev.tact.sla.BusinessCalendar;
import dev.tact.sla.PublicHolidaySetting;
import dev.tact.sla.WorkingHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EffortTrailTests {

  private static final BusinessCalendar NINE_TO_FIVE = BusinessCalendar.of(ZoneId.of("UTC"),
      WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:00", "17:00"), PublicHolidaySetting.none());
  private static final UUID TEAM_A = UUID.randomUUID();
  private static final UUID TEAM_B = UUID.randomUUID();
  private static final UUID AGENT_1 = UUID.randomUUID();
  private static final UUID AGENT_2 = UUID.randomUUID();

  @Test
  void shouldCountHandOffsAfterTheFirstTeamAndAgentAndEveryTierChange() {
    EffortTrail trail = new EffortTrail(List.of(
        step("t1", EffortStep.Kind.TEAM, "2026-03-02T09:00:00Z", null, TEAM_A),
        step("a1", EffortStep.Kind.AGENT, "2026-03-02T09:00:00Z", null, AGENT_1),
        step("a1-again", EffortStep.Kind.AGENT, "2026-03-02T09:05:00Z", null, AGENT_1),
        step("t2", EffortStep.Kind.TEAM, "2026-03-02T10:00:00Z", null, TEAM_B),
        step("a2", EffortStep.Kind.AGENT, "2026-03-02T10:00:00Z", null, AGENT_2),
        step("tier", EffortStep.Kind.TIER, "2026-03-02T11:00:00Z", null, null)));

    assertThat(trail.handoffs()).isEqualTo(3);
    assertThat(trail.lastTeam()).contains(TEAM_B);
    assertThat(trail.lastAgent()).contains(AGENT_2);
  }

  @Test
  void shouldCountChannelSwitchesBetweenTheCustomersOwnMessages() {
    EffortTrail trail = new EffortTrail(List.of(
        step("m1", EffortStep.Kind.CUSTOMER, "2026-03-02T09:00:00Z", Channel.EMAIL, null),
        step("r1", EffortStep.Kind.REPLY, "2026-03-02T09:10:00Z", Channel.SMS, null),
        step("m2", EffortStep.Kind.CUSTOMER, "2026-03-02T09:20:00Z", Channel.EMAIL, null),
        step("m3", EffortStep.Kind.CUSTOMER, "2026-03-02T09:30:00Z", Channel.PHONE, null),
        step("m4", EffortStep.Kind.CUSTOMER, "2026-03-02T09:40:00Z", Channel.EMAIL, null)));

    assertThat(trail.channelSwitches()).isEqualTo(2);
    assertThat(trail.customerMessages()).isEqualTo(4);
    assertThat(trail.openingChannel()).contains(Channel.EMAIL);
  }

  @Test
  void shouldCountWaitingFromTheFirstUnansweredMessageToTheNextReplyOnBusinessHoursOnly() {
    EffortTrail trail = new EffortTrail(List.of(
        // Friday 16:00 → Monday 10:00: 1 h on Friday, 1 h on Monday
        step("m1", EffortStep.Kind.CUSTOMER, "2026-03-06T16:00:00Z", Channel.EMAIL, null),
        step("m2", EffortStep.Kind.CUSTOMER, "2026-03-06T16:30:00Z", Channel.EMAIL, null),
        step("r1", EffortStep.Kind.REPLY, "2026-03-09T10:00:00Z", Channel.EMAIL, null),
        step("r2", EffortStep.Kind.REPLY, "2026-03-09T10:05:00Z", Channel.EMAIL, null),
        // 30 min on Monday, then a message no reply answered yet: not counted
        step("m3", EffortStep.Kind.CUSTOMER, "2026-03-09T11:00:00Z", Channel.EMAIL, null),
        step("r3", EffortStep.Kind.REPLY, "2026-03-09T11:30:00Z", Channel.EMAIL, null),
        step("m4", EffortStep.Kind.CUSTOMER, "2026-03-09T12:00:00Z", Channel.EMAIL, null)));

    assertThat(trail.waitedBusinessMinutes(NINE_TO_FIVE)).isEqualTo(150);
  }

  @Test
  void shouldMeasureTheSameWhateverOrderTheStepsArrivedIn() {
    List<EffortStep> steps = new ArrayList<>(List.of(
        step("o", EffortStep.Kind.OPENED, "2026-03-02T09:00:00Z", Channel.CHAT, null),
        step("m1", EffortStep.Kind.CUSTOMER, "2026-03-02T09:00:00Z", Channel.CHAT, null),
        step("t1", EffortStep.Kind.TEAM, "2026-03-02T09:01:00Z", null, TEAM_A),
        step("r1", EffortStep.Kind.REPLY, "2026-03-02T09:40:00Z", Channel.CHAT, null),
        step("t2", EffortStep.Kind.TEAM, "2026-03-02T09:50:00Z", null, TEAM_B),
        step("m2", EffortStep.Kind.CUSTOMER, "2026-03-02T10:00:00Z", Channel.EMAIL, null),
        step("x", EffortStep.Kind.REOPEN, "2026-03-03T10:00:00Z", null, null),
        step("r2", EffortStep.Kind.REPLY, "2026-03-03T11:00:00Z", Channel.EMAIL, null)));
    EffortScore expected = new EffortTrail(steps).score(false, NINE_TO_FIVE);
    // waits: 09:00 → 09:40, then Monday 10:00 → Tuesday 11:00 (7 h on Monday, 2 h on Tuesday)
    assertThat(expected).isEqualTo(new EffortScore(2, 1, 1, 1, false, 40 + 7 * 60 + 2 * 60));
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      Collections.shuffle(steps, random);
      assertThat(new EffortTrail(steps).score(false, NINE_TO_FIVE)).isEqualTo(expected);
    }
  }

  @Test
  void shouldTakeTheOpeningFromItsStepAndTheLatestIntent() {
    EffortTrail trail = new EffortTrail(List.of(
        step("m1", EffortStep.Kind.CUSTOMER, "2026-03-02T09:00:01Z", Channel.WEB, null),
        new EffortStep("i1", EffortStep.Kind.INTENT, Instant.parse("2026-03-02T09:00:02Z"), null, null, null,
            "billing"),
        new EffortStep("i2", EffortStep.Kind.INTENT, Instant.parse("2026-03-02T11:00:00Z"), null, null, null,
            "refund"),
        step("o", EffortStep.Kind.OPENED, "2026-03-02T09:00:00Z", Channel.EMAIL, null)));

    assertThat(trail.openedAt()).contains(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(trail.openingChannel()).contains(Channel.EMAIL);
    assertThat(trail.intent()).contains("refund");
  }

  private static EffortStep step(String key, EffortStep.Kind kind, String at, Channel channel, UUID ref) {
    return new EffortStep(key, kind, Instant.parse(at), channel, null, ref, null);
  }
}
