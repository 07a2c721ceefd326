package dev.tact.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import dev.tact.timer.Timers;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest goes through the outbox as staff mail to leads and admins who did not opt out, with the headline
 * of every panel, and its timer waits for the next Monday morning. Same settings as the API contract's tests on H2,
 * so one context serves them all.
 */
@TactTest
class WeeklyDigestIntegrationTests {

  @Autowired
  WeeklyDigest digest;

  @Autowired
  DigestOptOuts optOuts;

  @Autowired
  StaffDirectory staff;

  @Autowired
  Timers timers;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  dev.tact.staff.AgentZones zones;

  @Test
  void shouldQueueTheDigestToLeadsAndAdminsWhoWantItAndToNoAgent() {
    Agent lead = person(Role.LEAD);
    Agent admin = person(Role.ADMIN);
    Agent optedOut = person(Role.LEAD);
    Agent agent = person(Role.AGENT);
    optOuts.choose(optedOut.id(), false);

    transactions.executeWithoutResult(s -> digest.send(LocalDate.parse("2026-03-09")));

    assertThat(subjectsTo(lead)).containsExactly("Tact weekly digest: week of 2026-03-02");
    assertThat(subjectsTo(admin)).containsExactly("Tact weekly digest: week of 2026-03-02");
    assertThat(subjectsTo(optedOut)).isEmpty();
    assertThat(subjectsTo(agent)).isEmpty();
  }

  @Test
  void shouldSendTheDigestWhenItsTimerFiresAndScheduleTheNextWeek() {
    Agent lead = person(Role.LEAD);
    Agent optedOut = person(Role.ADMIN);
    Agent agent = person(Role.AGENT);
    optOuts.choose(optedOut.id(), false);
    // the timer made due (a past Monday morning): the application's own timer workers fire it, no waiting a week
    java.time.Instant due = LocalDate.parse("2026-04-13").atTime(WeeklyDigest.SEND_AT).atZone(zones.siteZone())
        .toInstant();
    transactions.executeWithoutResult(s -> timers.schedule(WeeklyDigest.KIND, WeeklyDigest.KEY, due, null));

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> !subjectsTo(lead).isEmpty());

    assertThat(subjectsTo(lead)).containsExactly("Tact weekly digest: week of 2026-04-06");
    String text = new String(jdbc.sql("SELECT content FROM delivery_outbox WHERE recipient = :to AND cause = "
        + "'staff mail'").param("to", lead.email()).query(byte[].class).single(), java.nio.charset.StandardCharsets.UTF_8)
        .replace("=\r\n", "");
    assertThat(text).contains("The week from 2026-04-06 to 2026-04-12");
    assertThat(subjectsTo(optedOut)).as("opted out").isEmpty();
    assertThat(subjectsTo(agent)).as("not a lead").isEmpty();
    java.time.Instant next = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> timers.find(WeeklyDigest.KIND, WeeklyDigest.KEY).map(t -> t.dueAt()).orElse(null),
            at -> at != null && at.isAfter(java.time.Instant.now()));
    assertThat(next.atZone(zones.siteZone()).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(next).isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
  }

  @Test
  void shouldWriteEveryPanelsHeadlineBySection() {
    String text = WeeklyDigest.text(LocalDate.parse("2026-03-02"), java.util.List.of(
        new PanelResult("backlog-age", "Open conversations by age", DashboardSection.BACKLOG,
            new PanelData("3 open", "e", PanelData.Chart.BAR, java.util.List.of("A", "B"), java.util.List.of()),
            null, 1),
        new PanelResult("first-response", "First response time", DashboardSection.HANDLE_TIME, null,
            "This panel could not be computed just now", 1)));

    assertThat(text).contains("The week from 2026-03-02 to 2026-03-08")
        .contains("Backlog age\n- Open conversations by age: 3 open\n")
        .contains("Handle time\n- First response time: not available (This panel could not be computed just now)")
        .contains("/dashboard?from=2026-03-02&to=2026-03-08");
  }

  @Test
  void shouldWaitForTheNextMondayMorningInTheSitesZone() {
    java.time.Instant due = timers.find(WeeklyDigest.KIND, WeeklyDigest.KEY).orElseThrow().dueAt();
    java.time.ZonedDateTime local = due.atZone(zones.siteZone());

    assertThat(local.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(local.toLocalTime()).isEqualTo(WeeklyDigest.SEND_AT);
    assertThat(due).isAfter(java.time.Instant.now()).isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
    java.time.Instant mondayMorning = java.time.LocalDate.parse("2026-03-09").atTime(WeeklyDigest.SEND_AT)
        .atZone(zones.siteZone()).toInstant();
    assertThat(digest.nextMonday(mondayMorning.minusSeconds(1))).isEqualTo(mondayMorning);
    assertThat(digest.nextMonday(mondayMorning)).isEqualTo(mondayMorning.plus(java.time.Duration.ofDays(7)));
  }

  private java.util.List<String> subjectsTo(Agent agent) {
    return jdbc.sql("SELECT subject FROM delivery_outbox WHERE recipient = :to AND cause = 'staff mail'")
        .param("to", agent.email()).query(String.class).list();
  }

  private Agent person(Role role) {
    return staff.createAgent(role.label() + "-" + UUID.randomUUID() + "@example.com", "Digest " + role.label(), role,
        "a-long-password-1");
  }
}
