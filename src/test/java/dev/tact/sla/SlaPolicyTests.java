package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.conversation.Priority;
import dev.tact.shared.ProblemException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaPolicyTests {

  static final UUID SUPPORT = UUID.randomUUID();
  static final UUID SALES = UUID.randomUUID();

  static SlaPolicy policy(String name, Set<Priority> priorities, Set<String> intents, Set<String> tiers,
      Set<UUID> teams) {
    return new SlaPolicy(UUID.randomUUID(), 0, name, priorities, intents, tiers, teams, 60, null, null, 75);
  }

  final List<SlaPolicy> ordered = List.of(
      policy("urgent vip", Set.of(Priority.URGENT), Set.of(), Set.of("vip"), Set.of()),
      policy("technical support", Set.of(), Set.of("technical"), Set.of(), Set.of(SUPPORT)),
      policy("vip", Set.of(), Set.of(), Set.of("vip"), Set.of()),
      policy("standard customers", Set.of(), Set.of(), Set.of("standard"), Set.of()),
      policy("anything", Set.of(), Set.of(), Set.of(), Set.of()));

  Optional<String> first(Priority priority, String intent, String tier, UUID team) {
    return ordered.stream().filter(p -> p.matches(priority, intent, tier, team)).map(SlaPolicy::name).findFirst();
  }

  @Test
  void shouldApplyTheFirstPolicyWhoseConditionsAllMatch() {
    assertThat(first(Priority.URGENT, "technical", "vip", SUPPORT)).contains("urgent vip");
    assertThat(first(Priority.HIGH, "technical", "vip", SUPPORT)).contains("technical support");
    assertThat(first(Priority.HIGH, "technical", "vip", SALES)).contains("vip");
    assertThat(first(Priority.HIGH, "billing", null, SALES)).as("no tier is the standard tier")
        .contains("standard customers");
    assertThat(first(Priority.LOW, null, "gold", null)).contains("anything");
  }

  @Test
  void shouldNotMatchAnIntentOrTeamConditionWhenTheConversationHasNone() {
    SlaPolicy technical = policy("t", Set.of(), Set.of("technical"), Set.of(), Set.of(SUPPORT));
    assertThat(technical.matches(Priority.NORMAL, null, null, SUPPORT)).isFalse();
    assertThat(technical.matches(Priority.NORMAL, "technical", null, null)).isFalse();
    assertThat(technical.matches(Priority.NORMAL, "technical", null, SUPPORT)).isTrue();
  }

  @Test
  void shouldReadAndWriteWorkingHoursAsRules() {
    WorkingHours hours = HoursText.parse("mon-fri 09:00-17:00; sat 10:00-14:00\nfri 22:00-06:00");
    assertThat(hours.intervals()).hasSize(7).contains(
        new WorkingHours.Interval(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)));
    assertThat(HoursText.format(hours)).isEqualTo("mon-fri 09:00-17:00\nfri 22:00-06:00\nsat 10:00-14:00");
    assertThat(HoursText.format(HoursText.parse("mon,wed,thu 9:00-12:00")))
        .isEqualTo("mon,wed-thu 09:00-12:00");
  }

  @Test
  void shouldRejectWorkingHoursItDoesNotUnderstand() {
    assertThatThrownBy(() -> HoursText.parse("weekdays 9-5")).isInstanceOf(ProblemException.class)
        .hasMessageContaining("'weekdays 9-5' is not a rule");
    assertThatThrownBy(() -> HoursText.parse("fri-mon 09:00-17:00")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> HoursText.parse("mon 25:00-26:00")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> HoursText.parse(" ")).isInstanceOf(ProblemException.class);
  }

  @Test
  void shouldTakeTheNearestRankPercentile() {
    assertThat(SlaReports.percentile(new double[] {1, 2, 3, 4, 10}, 50)).isEqualTo(3.0);
    assertThat(SlaReports.percentile(new double[] {1, 2, 3, 4, 10}, 90)).isEqualTo(10.0);
    assertThat(SlaReports.percentile(new double[0], 50)).isNull();
  }
}
