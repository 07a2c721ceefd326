package dev.tact.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.Status;
import dev.tact.incident.Components;
import dev.tact.incident.Impact;
import dev.tact.incident.Incidents;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.SqlTime;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The panels whose data Tact already keeps, on real conversations written through {@link ConversationManagement}
 * (reopens, answers and intents land where the panels read them), each narrowed to a team of its own so that the
 * tests share a database. Run on H2 and on PostgreSQL.
 */
abstract class DashboardPanelsContract {

  @Autowired
  Dashboards dashboards;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Autowired
  StaffDirectory staff;

  @Autowired
  Incidents incidents;

  @Autowired
  Components components;

  @Autowired
  JdbcClient jdbc;

  Team team;
  Agent agent;
  String suffix;

  @BeforeEach
  void team() {
    suffix = UUID.randomUUID().toString().substring(0, 8);
    team = staff.createTeam("Panels " + suffix);
    agent = staff.createAgent("lead-" + suffix + "@example.com", "Lee " + suffix, Role.LEAD, "a-long-password-1");
    staff.addMember(team.id(), agent.id());
  }

  @Test
  void shouldCountTheTeamsOpenConversationsByAgeAndWhoTheyWaitOn() {
    ConversationSummary fresh = open("fresh");
    ConversationSummary tenDays = open("ten days");
    ConversationSummary old = open("old");
    ConversationSummary solved = open("solved");
    backdate(tenDays, Duration.ofDays(10));
    backdate(old, Duration.ofDays(40));
    conversations.changeStatus(old.id(), Actor.agent(agent.id(), agent.displayName()), Status.PENDING);
    conversations.changeStatus(solved.id(), Actor.agent(agent.id(), agent.displayName()), Status.SOLVED);

    PanelData data = compute("backlog-age", scope(null, null));

    assertThat(data.rows()).containsExactly(
        List.of("under 1 day", 1L, 0L), List.of("1–3 days", 0L, 0L), List.of("3–7 days", 0L, 0L),
        List.of("7–28 days", 1L, 0L), List.of("over 28 days", 0L, 1L));
    assertThat(data.headline()).isEqualTo("3 open, 2 of them older than 7 days (67 %)");
    assertThat(compute("backlog-age", scope(Channel.SMS, null)).headline()).isEqualTo("No open conversations");
    assertThat(fresh.teamId()).isEqualTo(team.id());
  }

  @Test
  void shouldCountReopenedAndUnresolvedConversationsAndNarrowThemByIntent() {
    Actor lead = Actor.agent(agent.id(), agent.displayName());
    ConversationSummary reopened = open("came back");
    ConversationSummary done = open("done");
    open("waiting");
    conversations.changeStatus(reopened.id(), lead, Status.SOLVED);
    customerWrites(reopened, "It is broken again");
    conversations.changeStatus(done.id(), lead, Status.SOLVED);
    conversations.addTags(reopened.id(), lead, List.of("intent:billing"));

    PanelData all = compute("reopened-unresolved", scope(null, null));
    PanelData billing = compute("reopened-unresolved", scope(null, "billing"));

    assertThat(totals(all)).containsExactly(3L, 1L, 2L);
    assertThat(all.headline()).isEqualTo("33.3 % reopened, 66.7 % still unresolved (of 3 opened)");
    assertThat(all.rows()).hasSize(28);
    assertThat(totals(billing)).containsExactly(1L, 1L, 1L);
    assertThat(totals(compute("reopened-unresolved", scope(Channel.EMAIL, null)))).containsExactly(0L, 0L, 0L);
  }

  @Test
  void shouldKeepTheOpenedSummaryInAgreementWithTheConversations() {
    Actor lead = Actor.agent(agent.id(), agent.displayName());
    Team other = staff.createTeam("Panels other " + suffix);
    ConversationSummary reopened = open("came back");
    ConversationSummary moved = open("moved");
    ConversationSummary merged = open("merged");
    ConversationSummary kept = open("kept");
    conversations.changeStatus(reopened.id(), lead, Status.SOLVED);
    customerWrites(reopened, "Still broken");
    conversations.assign(moved.id(), lead, null, other.id());
    conversations.merge(merged.id(), kept.id(), lead);
    conversations.changeStatus(kept.id(), lead, Status.SOLVED);
    String intent = "speed-" + suffix;
    conversations.addTags(reopened.id(), lead, List.of("intent:" + intent));
    conversations.addTags(moved.id(), lead, List.of("intent:" + intent));

    awaitFolded();
    for (Team t : List.of(team, other)) {
      java.util.Map<String, Object> summary = jdbc.sql("SELECT COALESCE(SUM(opened), 0) AS opened,"
          + " COALESCE(SUM(reopened), 0) AS reopened, COALESCE(SUM(unresolved), 0) AS unresolved"
          + " FROM conv_opened_daily WHERE dimension = 'team' AND dim_key = :team").param("team", t.id().toString())
          .query().singleRow();
      java.util.Map<String, Object> detail = jdbc.sql("SELECT COUNT(*) AS opened,"
          + " COALESCE(SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END), 0) AS reopened,"
          + " COALESCE(SUM(CASE WHEN status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END), 0)"
          + " AS unresolved FROM conv_conversation WHERE team_id = :team AND merged_into_id IS NULL")
          .param("team", t.id()).query().singleRow();
      for (String column : List.of("opened", "reopened", "unresolved")) {
        assertThat(((Number) summary.get(column)).longValue()).as(column)
            .isEqualTo(((Number) detail.get(column)).longValue());
      }
    }
    ReportScope byTheTeam = scope(null, null);
    ReportScope otherTeam = new ReportScope(byTheTeam.from(), byTheTeam.to(), ZoneOffset.UTC, other.id(), null, null,
        null);
    assertThat(totals(compute("reopened-unresolved", byTheTeam))).containsExactly(2L, 1L, 1L);
    assertThat(totals(compute("reopened-unresolved", otherTeam))).containsExactly(1L, 0L, 1L);
    ReportScope byIntent = new ReportScope(byTheTeam.from(), byTheTeam.to(), ZoneOffset.UTC, null, null, null,
        intent);
    ReportScope byTeamAndIntent = new ReportScope(byTheTeam.from(), byTheTeam.to(), ZoneOffset.UTC, team.id(), null,
        null, intent);
    assertThat(totals(compute("reopened-unresolved", byIntent))).containsExactly(2L, 1L, 2L);
    assertThat(totals(compute("reopened-unresolved", byTeamAndIntent))).containsExactly(1L, 1L, 1L);
  }

  @Test
  void shouldFileAndChangeConversationsConcurrentlyWithoutDeadlockAndKeepTheSummariesExact() throws Exception {
    Actor lead = Actor.agent(agent.id(), agent.displayName());
    Team other = staff.createTeam("Panels busy " + suffix);
    String intent = "busy-" + suffix;
    int threads = 8;
    int each = 6;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Integer>> filed = new java.util.ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        filed.add(pool.submit(() -> {
          start.await();
          // every thread writes on the same day, team, channel and intent: the summary rows all of them touch
          for (int i = 0; i < each; i++) {
            ConversationSummary c = open("busy " + thread + "/" + i);
            conversations.addTags(c.id(), lead, List.of("intent:" + intent));
            conversations.assign(c.id(), Actor.system(), agent.id(), (thread + i) % 3 == 0 ? other.id() : team.id());
            conversations.reply(c.id(), lead, "Answered " + thread + "/" + i);
            if (i % 2 == 0) {
              conversations.changeStatus(c.id(), lead, Status.SOLVED);
              customerWrites(c, "Still broken " + thread + "/" + i);
            }
          }
          return each;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Integer> f : filed) {
        assertThat(f.get(3, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(each);
      }
    } finally {
      pool.shutdownNow();
    }

    // exact at once, folded or not: the panels add what the fold has not taken yet
    assertOpenedAgreesWithTheConversations(List.of(team, other), intent, threads * each);
    awaitFolded();
    assertOpenedAgreesWithTheConversations(List.of(team, other), intent, threads * each);
    for (Team t : List.of(team, other)) {
      java.util.Map<String, Object> summary = jdbc.sql("SELECT COALESCE(SUM(opened), 0) AS opened,"
          + " COALESCE(SUM(reopened), 0) AS reopened, COALESCE(SUM(unresolved), 0) AS unresolved"
          + " FROM conv_opened_daily WHERE dimension = 'team' AND dim_key = :team").param("team", t.id().toString())
          .query().singleRow();
      java.util.Map<String, Object> detail = openedCounts(t);
      for (String column : List.of("opened", "reopened", "unresolved")) {
        assertThat(((Number) summary.get(column)).longValue()).as(column)
            .isEqualTo(((Number) detail.get(column)).longValue());
      }
      assertThat(jdbc.sql("SELECT COALESCE(SUM(answered), 0) FROM sla_first_response_daily WHERE dimension = 'team'"
              + " AND dim_key = :team").param("team", t.id().toString()).query(Long.class).single())
          .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE team_id = :team AND metric = 'FIRST_RESPONSE'"
              + " AND ended_by = 'REPLY'").param("team", t.id()).query(Long.class).single());
    }
  }

  private void assertOpenedAgreesWithTheConversations(List<Team> teams, String intent, long filed) {
    ReportScope scope = scope(null, null);
    long opened = 0;
    for (Team t : teams) {
      java.util.Map<String, Object> detail = openedCounts(t);
      ReportScope byTeam = new ReportScope(scope.from(), scope.to(), ZoneOffset.UTC, t.id(), null, null, null);
      assertThat(totals(compute("reopened-unresolved", byTeam))).as(t.name()).containsExactly(
          ((Number) detail.get("opened")).longValue(), ((Number) detail.get("reopened")).longValue(),
          ((Number) detail.get("unresolved")).longValue());
      opened += ((Number) detail.get("opened")).longValue();
      long answered = jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE team_id = :team AND metric = 'FIRST_RESPONSE'"
          + " AND ended_by = 'REPLY'").param("team", t.id()).query(Long.class).single();
      assertThat(answered).isPositive();
      assertThat(compute("first-response", byTeam).headline()).endsWith("(" + answered + " answered)");
    }
    assertThat(opened).isEqualTo(filed);
    ReportScope byIntent = new ReportScope(scope.from(), scope.to(), ZoneOffset.UTC, null, null, null, intent);
    assertThat(totals(compute("reopened-unresolved", byIntent)).getFirst()).isEqualTo(filed);
  }

  private java.util.Map<String, Object> openedCounts(Team t) {
    return jdbc.sql("SELECT COUNT(*) AS opened,"
        + " COALESCE(SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END), 0) AS reopened,"
        + " COALESCE(SUM(CASE WHEN status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END), 0)"
        + " AS unresolved FROM conv_conversation WHERE team_id = :team AND merged_into_id IS NULL")
        .param("team", t.id()).query().singleRow();
  }

  /** Waits until the modules' folds have taken every change written so far into their summaries. */
  private void awaitFolded() {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
        "SELECT (SELECT COUNT(*) FROM conv_opened_change) + (SELECT COUNT(*) FROM sla_first_response_delta)")
        .query(Long.class).single() == 0);
  }

  @Test
  void shouldMeasureFirstResponsesByTheAgentWhoAnswered() {
    ConversationSummary asked = open("question");
    conversations.assign(asked.id(), Actor.system(), agent.id(), team.id());
    conversations.reply(asked.id(), Actor.agent(agent.id(), agent.displayName()), "Here is the answer.");

    PanelData data = compute("first-response", scope(null, null));
    ReportScope otherAgent = new ReportScope(scope(null, null).from(), scope(null, null).to(), ZoneOffset.UTC,
        team.id(), UUID.randomUUID(), null, null);

    assertThat(data.rows().stream().mapToLong(r -> (Long) r.get(1)).sum()).isEqualTo(1);
    assertThat(data.headline()).startsWith("Median first response ").endsWith(" business minutes (1 answered)");
    ReportScope byAgent = new ReportScope(otherAgent.from(), otherAgent.to(), ZoneOffset.UTC, team.id(), agent.id(),
        Channel.WEB, null);
    assertThat(compute("first-response", byAgent).headline()).endsWith("(1 answered)");
    assertThat(compute("first-response", otherAgent).headline()).isEqualTo("No first responses in the period");
  }

  @Test
  void shouldKeepTheFirstResponseSummaryInAgreementWithTheClocks() {
    String intent = "speed-" + suffix;
    for (String subject : List.of("first", "second", "third")) {
      ConversationSummary asked = open(subject);
      // what routing decides when it reads the message (the clocks take the intent from here when answered)
      jdbc.sql("DELETE FROM routing_intent WHERE conversation_id = :id").param("id", asked.id()).update();
      jdbc.sql("INSERT INTO routing_intent (conversation_id, intent, confidence, triage, decided_at)"
          + " VALUES (:id, :intent, 0.9, FALSE, CURRENT_TIMESTAMP)").param("id", asked.id())
          .param("intent", intent).update();
      conversations.assign(asked.id(), Actor.system(), agent.id(), team.id());
      conversations.reply(asked.id(), Actor.agent(agent.id(), agent.displayName()), "Answered: " + subject);
    }
    ReportScope teamScope = scope(null, null);
    awaitFolded();
    ReportScope byTheAgent = new ReportScope(teamScope.from(), teamScope.to(), ZoneOffset.UTC, team.id(), agent.id(),
        null, null);

    List<java.util.Map<String, Object>> summary = jdbc.sql("SELECT started_on, SUM(answered) AS answered"
        + " FROM sla_first_response_daily WHERE dimension = 'team' AND dim_key = :team GROUP BY started_on"
        + " ORDER BY started_on")
        .param("team", team.id().toString()).query().listOfRows();
    List<java.util.Map<String, Object>> clocks = jdbc.sql("SELECT CAST((started_at AT TIME ZONE 'UTC') AS DATE)"
        + " AS started_on, COUNT(*) AS answered FROM sla_clock WHERE team_id = :team AND metric = 'FIRST_RESPONSE'"
        + " AND ended_by = 'REPLY' GROUP BY CAST((started_at AT TIME ZONE 'UTC') AS DATE) ORDER BY 1")
        .param("team", team.id()).query().listOfRows();
    PanelData summed = compute("first-response", teamScope);
    PanelData exact = compute("first-response", byTheAgent);

    assertThat(summary).hasSameSizeAs(clocks).isNotEmpty();
    for (int i = 0; i < clocks.size(); i++) {
      assertThat(summary.get(i).get("started_on").toString()).isEqualTo(clocks.get(i).get("started_on").toString());
      assertThat(((Number) summary.get(i).get("answered")).longValue())
          .isEqualTo(((Number) clocks.get(i).get("answered")).longValue()).isPositive();
    }
    assertThat(summed.rows()).hasSameSizeAs(exact.rows());
    for (int i = 0; i < exact.rows().size(); i++) {
      assertThat(summed.rows().get(i).get(1)).isEqualTo(exact.rows().get(i).get(1));
      if (exact.rows().get(i).get(2) != null) {
        // answered within a minute: both in the first minute bucket, the summary's value inside it
        assertThat((Double) summed.rows().get(i).get(2)).isBetween(0.0, 1.0);
        assertThat((Double) exact.rows().get(i).get(2)).isBetween(0.0, 1.0);
      }
    }
    assertThat(summed.headline()).endsWith("(3 answered)");
    assertThat(exact.headline()).endsWith("(3 answered)");
    ReportScope byIntent = new ReportScope(teamScope.from(), teamScope.to(), ZoneOffset.UTC, null, null, null,
        intent);
    ReportScope byIntentExactly = new ReportScope(teamScope.from(), teamScope.to(), ZoneOffset.UTC, team.id(), null,
        null, intent);
    assertThat(jdbc.sql("SELECT SUM(answered) FROM sla_first_response_daily WHERE dimension = 'intent'"
        + " AND dim_key = :intent")
        .param("intent", intent).query(Long.class).single()).isEqualTo(3L);
    assertThat(compute("first-response", byIntent).rows().stream().map(r -> r.get(1)).toList())
        .isEqualTo(compute("first-response", byIntentExactly).rows().stream().map(r -> r.get(1)).toList());
    assertThat(compute("first-response", byIntent).headline()).endsWith("(3 answered)");
  }

  @Test
  void shouldShowTheIncidentsOfThePeriodWithTheirFigures() {
    UUID component = components.add(new Components.ComponentInput("Panels hosting " + suffix, null, null,
        "panels-" + suffix, null)).id();
    Instant started = Instant.now().minus(Duration.ofMinutes(30));
    incidents.declare(new Incidents.Declaration("Panels down " + suffix, Impact.MAJOR, List.of(component),
        "We are on it.", started, null, false, false), "Lee");
    ReportScope hour = new ReportScope(started.minusSeconds(1), started.plusSeconds(1), ZoneOffset.UTC, null, null,
        null, null);

    PanelData data = compute("incidents", hour);

    assertThat(data.rows()).hasSize(1);
    assertThat((String) data.rows().getFirst().get(0)).endsWith("Panels down " + suffix);
    assertThat((Long) data.rows().getFirst().get(1)).isBetween(29L, 31L);
    assertThat(data.rows().getFirst().subList(2, 5)).containsExactly(0L, 0L, 0L);
    assertThat(data.headline()).startsWith("1 incident, 0 customers reported them");
  }

  @Test
  void shouldNarrowTheIncidentsToThoseReportedInConversationsThatMatchTheFilters() {
    Instant started = Instant.now().minus(Duration.ofMinutes(200 + (suffix.hashCode() & 0x3ff)));
    UUID incident = declare("Narrow down " + suffix, started);
    ConversationSummary billing = open("cannot pay");
    ConversationSummary other = open("cannot log in");
    conversations.addTags(billing.id(), Actor.system(), List.of("intent:billing"));
    conversations.assign(billing.id(), Actor.system(), agent.id(), team.id());
    incidents.link(incident, billing.id(), billing.contactId(), "cannot pay", "Lee");
    incidents.link(incident, other.id(), other.contactId(), "cannot log in", "Lee");
    Team elsewhere = staff.createTeam("Elsewhere " + suffix);

    PanelData all = compute("incidents", hour(started, null, null, null, null));
    PanelData ofTeam = compute("incidents", hour(started, team.id(), null, null, null));
    PanelData ofIntent = compute("incidents", hour(started, team.id(), null, null, "billing"));
    PanelData ofAgent = compute("incidents", hour(started, null, agent.id(), Channel.WEB, null));
    PanelData otherTeam = compute("incidents", hour(started, elsewhere.id(), null, null, null));
    PanelData bySms = compute("incidents", hour(started, null, null, Channel.SMS, null));

    assertThat(all.rows()).singleElement().satisfies(row -> assertThat(row.subList(2, 4)).containsExactly(2L, 2L));
    assertThat(all.explanation()).doesNotContain("not narrowed");
    assertThat(ofTeam.rows()).singleElement().satisfies(row -> assertThat(row.subList(2, 4))
        .containsExactly(2L, 2L));
    assertThat(ofIntent.rows()).singleElement().satisfies(row -> {
      assertThat((String) row.get(0)).endsWith("Narrow down " + suffix);
      assertThat(row.subList(2, 4)).containsExactly(1L, 1L);
    });
    assertThat(ofIntent.headline()).startsWith("1 incident, 1 customers reported them");
    assertThat(ofAgent.rows()).singleElement().satisfies(row -> assertThat(row.subList(2, 4))
        .containsExactly(1L, 1L));
    for (PanelData none : List.of(otherTeam, bySms)) {
      assertThat(none.rows()).isEmpty();
      assertThat(none.headline()).isEqualTo("No incidents reported in the filtered conversations");
      assertThat(none.explanation()).contains("The minutes to the first update and the notices concern the whole "
          + "incident and are not narrowed");
    }
  }

  @Test
  void shouldCountALinkedConversationUnderTheTeamAgentChannelAndIntentItHasNowNotWhenItWasLinked() {
    Instant started = Instant.now().minus(Duration.ofMinutes(2000 + (suffix.hashCode() & 0x3ff)));
    UUID incident = declare("Moved on " + suffix, started);
    Actor lead = Actor.agent(agent.id(), agent.displayName());
    ConversationSummary moved = open("cannot pay twice");
    conversations.addTags(moved.id(), lead, List.of("intent:billing-" + suffix));
    incidents.link(incident, moved.id(), moved.contactId(), "cannot pay twice", "Lee");
    Team other = staff.createTeam("Moved to " + suffix);
    Agent taker = staff.createAgent("taker-" + suffix + "@example.com", "Tai " + suffix, Role.AGENT,
        "a-long-password-1");
    staff.addMember(other.id(), taker.id());

    conversations.assign(moved.id(), lead, taker.id(), other.id());
    conversations.removeTag(moved.id(), lead, "intent:billing-" + suffix);
    conversations.addTags(moved.id(), lead, List.of("intent:refund-" + suffix));
    conversations.changeChannel(moved.id(), lead, Channel.EMAIL, "went on by email");

    for (ReportScope now : List.of(hour(started, other.id(), null, null, null),
        hour(started, null, taker.id(), Channel.EMAIL, "refund_" + suffix))) {
      assertThat(compute("incidents", now).rows()).singleElement().satisfies(row -> {
        assertThat((String) row.get(0)).endsWith("Moved on " + suffix);
        assertThat(row.subList(2, 4)).containsExactly(1L, 1L);
      });
    }
    for (ReportScope before : List.of(hour(started, team.id(), null, null, null),
        hour(started, null, null, null, "billing_" + suffix), hour(started, null, null, Channel.WEB, null))) {
      assertThat(compute("incidents", before).rows()).isEmpty();
    }
    conversations.assign(moved.id(), lead, null, null);
    assertThat(compute("incidents", hour(started, null, taker.id(), null, null)).rows()).isEmpty();
  }

  @Test
  void shouldCountTheLinksOfAMergedConversationUnderTheConversationItWasMergedInto() {
    Instant started = Instant.now().minus(Duration.ofMinutes(4000 + (suffix.hashCode() & 0x3ff)));
    UUID incident = declare("Merged away " + suffix, started);
    Actor lead = Actor.agent(agent.id(), agent.displayName());
    ConversationSummary source = open("down again");
    ConversationSummary target = open("down");
    incidents.link(incident, source.id(), source.contactId(), "down again", "Lee");
    Team other = staff.createTeam("Merged into " + suffix);
    conversations.assign(target.id(), lead, null, other.id());
    conversations.addTags(target.id(), lead, List.of("intent:outage-" + suffix));

    conversations.merge(source.id(), target.id(), lead);

    assertThat(compute("incidents", hour(started, other.id(), null, null, "outage_" + suffix)).rows())
        .singleElement().satisfies(row -> assertThat(row.subList(2, 4)).containsExactly(1L, 1L));
    assertThat(compute("incidents", hour(started, team.id(), null, null, null)).rows()).isEmpty();
    Team third = staff.createTeam("Moved on after the merge " + suffix);
    conversations.assign(target.id(), lead, null, third.id());
    assertThat(compute("incidents", hour(started, third.id(), null, null, null)).rows()).hasSize(1);
    assertThat(incidents.linksOf(source.id())).singleElement()
        .satisfies(link -> assertThat(link.contactId()).isEqualTo(source.contactId()));
  }

  private UUID declare(String title, Instant started) {
    UUID component = components.add(new Components.ComponentInput("Hosting " + title, null, null,
        "hosting-" + UUID.randomUUID(), null)).id();
    return incidents.declare(new Incidents.Declaration(title, Impact.MAJOR, List.of(component), "We are on it.",
        started, null, false, false), "Lee").id();
  }

  private static ReportScope hour(Instant started, UUID teamId, UUID agentId, Channel channel, String intent) {
    return new ReportScope(started.minusSeconds(1), started.plusSeconds(1), ZoneOffset.UTC, teamId, agentId, channel,
        intent);
  }

  @Test
  void shouldListThePanelsInTheSectionsOrderPerceptionFirst() {
    List<DashboardSection> sections = dashboards.panels().stream().map(DashboardPanel::section).toList();

    assertThat(sections).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(dashboards.panels().stream().map(DashboardPanel::key).toList())
        .containsSubsequence("backlog-age", "reopened-unresolved", "incidents", "first-response");
    assertThat(Set.copyOf(sections)).contains(DashboardSection.BACKLOG, DashboardSection.HANDLE_TIME);
  }

  private PanelData compute(String key, ReportScope scope) {
    PanelResult result = dashboards.compute(dashboards.panel(key), scope);
    assertThat(result.problem()).isNull();
    return result.data();
  }

  private ReportScope scope(Channel channel, String intent) {
    ZoneId zone = ZoneOffset.UTC;
    Instant tomorrow = java.time.LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
    return new ReportScope(tomorrow.minus(Duration.ofDays(28)), tomorrow, zone, team.id(), null, channel, intent);
  }

  private static List<Long> totals(PanelData data) {
    long[] sums = new long[3];
    for (List<Object> row : data.rows()) {
      for (int i = 0; i < 3; i++) {
        sums[i] += (Long) row.get(i + 1);
      }
    }
    return List.of(sums[0], sums[1], sums[2]);
  }

  private ConversationSummary open(String subject) {
    String address = "panels-" + UUID.randomUUID() + "@example.com";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Sam", null, null)).id();
    long number = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Sam",
        subject, "Hello", null, null, null, Instant.now(), List.of(), null, null, team.id(), false, false, null))
        .number();
    return conversations.findByReference(Long.toString(number)).orElseThrow();
  }

  private void customerWrites(ConversationSummary c, String text) {
    conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, c.contactId(), "Sam",
        c.subject(), text, null, null, Long.toString(c.number()), Instant.now(), List.of(), null, null, null, false,
        false, null));
  }

  private void backdate(ConversationSummary c, Duration age) {
    jdbc.sql("UPDATE conv_conversation SET created_at = :at WHERE id = :id")
        .param("at", SqlTime.utc(Instant.now().minus(age))).param("id", c.id()).update();
  }
}
