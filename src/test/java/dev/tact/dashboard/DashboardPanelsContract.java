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
    UUID component = components.add(new Components.ComponentInput("Narrow hosting " + suffix, null, null,
        "narrow-" + suffix, null)).id();
    Instant started = Instant.now().minus(Duration.ofMinutes(200 + (suffix.hashCode() & 0x3ff)));
    UUID incident = incidents.declare(new Incidents.Declaration("Narrow down " + suffix, Impact.MAJOR,
        List.of(component), "We are on it.", started, null, false, false), "Lee").id();
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
