package dev.tact.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A component's 90 days on the status page, written as runs of days in the same state: every day is in exactly one
 * run, and a day in the middle of a run is described by that run's dates and state.
 */
class StatusHistoryTests {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
  private final Component web = new Component(UUID.randomUUID(), "Web hosting", "Hosting", null, List.of(), 0);
  private final Component mail = new Component(UUID.randomUUID(), "Mail", "Hosting", null, List.of(), 1);

  @Test
  void shouldDescribeADayInTheMiddleOfARunByTheRunsDatesAndState() {
    Incident outage = incident(1, Impact.MAJOR, "2026-11-20T10:00:00Z", "2026-11-23T08:00:00Z", web);
    Incident slow = incident(2, Impact.MINOR, "2026-12-05T23:00:00Z", null, web);

    StatusContent.ComponentView view = component(new StatusContent(null, NOW, List.of(web, mail),
        List.of(slow, outage), Map.of()), "Web hosting");

    assertThat(view.runs()).extracting(StatusContent.Run::level).containsExactly(0, 2, 0, 1);
    assertThat(view.on(LocalDate.parse("2026-11-22"))).hasValueSatisfying(run -> {
      assertThat(run.from()).isEqualTo(LocalDate.parse("2026-11-20"));
      assertThat(run.to()).isEqualTo(LocalDate.parse("2026-11-23"));
      assertThat(run.label()).isEqualTo("20 Nov – 23 Nov 2026: Partial outage (4 days)");
    });
    assertThat(view.on(LocalDate.parse("2026-10-15"))).hasValueSatisfying(run -> {
      assertThat(run.level()).isZero();
      assertThat(run.label()).isEqualTo("8 Sep – 19 Nov 2026: Operational (73 days)");
    });
    assertThat(view.on(TODAY)).map(StatusContent.Run::label)
        .contains("5 Dec – 6 Dec 2026: Degraded performance (2 days)");
    assertThat(view.on(TODAY.minusDays(90))).as("a day before the history").isEmpty();
  }

  @Test
  void shouldCoverEachOfTheNinetyDaysOnceAndNameASingleDayAlone() {
    Incident blip = incident(3, Impact.CRITICAL, "2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z", web);

    StatusContent content = new StatusContent(null, NOW, List.of(web, mail), List.of(blip), Map.of());

    for (String name : List.of("Web hosting", "Mail")) {
      List<StatusContent.Run> runs = component(content, name).runs();
      assertThat(runs.getFirst().from()).isEqualTo(TODAY.minusDays(StatusContent.HISTORY_DAYS - 1));
      assertThat(runs.getLast().to()).isEqualTo(TODAY);
      assertThat(runs.stream().mapToInt(StatusContent.Run::days).sum()).isEqualTo(StatusContent.HISTORY_DAYS);
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i).from()).isEqualTo(runs.get(i - 1).to().plusDays(1));
        assertThat(runs.get(i).level()).isNotEqualTo(runs.get(i - 1).level());
      }
    }
    assertThat(component(content, "Mail").runs()).singleElement()
        .satisfies(run -> assertThat(run.label()).isEqualTo("8 Sep – 6 Dec 2026: Operational (90 days)"));
    assertThat(component(content, "Web hosting").on(LocalDate.parse("2026-12-01"))).map(StatusContent.Run::label)
        .contains("1 Dec 2026: Major outage");
  }

  @Test
  void shouldNameBothYearsOfARunThatCrossesNewYear() {
    StatusContent content = new StatusContent(null, Instant.parse("2027-01-10T08:00:00Z"), List.of(mail), List.of(),
        Map.of());

    assertThat(component(content, "Mail").runs()).singleElement().satisfies(run -> assertThat(run.label())
        .isEqualTo("13 Oct 2026 – 10 Jan 2027: Operational (90 days)"));
  }

  private static StatusContent.ComponentView component(StatusContent content, String name) {
    return content.groups.stream().flatMap(g -> g.components().stream()).filter(c -> c.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static Incident incident(long number, Impact impact, String started, String resolved, Component on) {
    Instant start = Instant.parse(started);
    return new Incident(UUID.randomUUID(), number, "Incident " + number, impact,
        resolved == null ? IncidentState.INVESTIGATING : IncidentState.RESOLVED, "", List.of(), start, start, "a test",
        start, resolved == null ? null : Instant.parse(resolved), null, false, List.of(on.id()), 1);
  }
}
