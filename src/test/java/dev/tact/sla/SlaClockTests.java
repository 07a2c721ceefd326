package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaClockTests {

  private static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");
  private static final SlaClock CLOCK = new SlaClock(BusinessCalendar.of(WINNIPEG,
      WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:00", "17:00"), PublicHolidaySetting.of("CA", "mb")));

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(WINNIPEG).toInstant();
  }

  @Test
  void shouldNotCountTheWaitWhenTheConversationWaitedOnTheCustomer() {
    // ran Wed 10:00–11:00 (1 h), waited on the customer, ran again from Thu 16:00 to Fri 10:00 (1 h + 1 h)
    Duration consumed = CLOCK.consumed(List.of(
        new SlaClock.Running(at("2011-10-13T16:00"), at("2011-10-14T10:00")),
        new SlaClock.Running(at("2011-10-12T10:00"), at("2011-10-12T11:00"))));

    assertThat(consumed).isEqualTo(Duration.ofHours(3));
    // 4 h target, 3 h used: due 1 business hour after resuming on Friday 10:00
    assertThat(CLOCK.dueAt(at("2011-10-14T10:00"), Duration.ofHours(4), consumed)).isEqualTo(at("2011-10-14T11:00"));
    assertThat(CLOCK.remaining(Duration.ofHours(4), consumed)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldCountOverlapsOnceWhenRunningIntervalsOverlap() {
    assertThat(CLOCK.consumed(List.of(new SlaClock.Running(at("2011-10-12T10:00"), at("2011-10-12T12:00")),
        new SlaClock.Running(at("2011-10-12T11:00"), at("2011-10-12T13:00"))))).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void shouldWarnAtThreeQuartersWhenPartOfTheTargetWasUsedBeforeThePause() {
    // 75 % of 4 h = 3 h; 1 h used, 2 h left from Friday 16:00: 1 h Friday, 1 h Tuesday (Monday is Thanksgiving)
    assertThat(CLOCK.warningAt(at("2011-10-07T16:00"), Duration.ofHours(4), Duration.ofHours(1), 0.75))
        .isEqualTo(at("2011-10-11T10:00"));
  }

  @Test
  void shouldBeDueAtTheResumptionWhenTheTargetWasAlreadyUsedUp() {
    assertThat(CLOCK.dueAt(at("2011-10-14T10:00"), Duration.ofHours(4), Duration.ofHours(5)))
        .isEqualTo(at("2011-10-14T10:00"));
    assertThat(CLOCK.remaining(Duration.ofHours(4), Duration.ofHours(5))).isEqualTo(Duration.ofHours(-1));
  }

  @Test
  void shouldRejectARunningIntervalWhenItEndsBeforeItStarts() {
    assertThatThrownBy(() -> new SlaClock.Running(at("2011-10-14T10:00"), at("2011-10-14T09:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
