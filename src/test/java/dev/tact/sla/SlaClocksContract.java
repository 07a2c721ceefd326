package dev.tact.sla;

import dev.tact.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.ContactProfile;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationOpened;
import dev.tact.routing.IntentDecided;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.HistoryEntry;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.Priority;
import dev.tact.conversation.Status;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import dev.tact.timer.TimerHandler;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLA clocks end to end on a real database, with a clock the test moves and timers it fires: the Winnipeg
 * example (Thanksgiving), pauses while pending, a warning and a breach once each, policies matched again.
 */
abstract class SlaClocksContract {

  static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");

  @TestConfiguration
  static class Fixtures {

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2011-10-03T14:00:00Z"));
    }

    @Bean
    @Primary
    ManualTimers manualTimers() {
      return new ManualTimers();
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  ManualTimers timers;

  @Autowired
  List<TimerHandler> handlers;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  StaffDirectory staff;

  @Autowired
  TeamCalendars calendars;

  @Autowired
  SlaPolicies policies;

  @Autowired
  SlaClocks clocks;

  @Autowired
  SlaNotifications notifications;

  @Autowired
  ContactManagement contacts;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  JdbcClient jdbc;

  UUID team;

  UUID contact;

  String conversationPrefix = "none";

  @BeforeEach
  void winnipegTeam() {
    timers.clear();
    team = staff.createTeam("Winnipeg " + UUID.randomUUID()).id();
    calendars.save(team, "America/Winnipeg", HoursText.parse("mon-fri 09:00-17:00").intervals(), "CA", "mb", true);
  }

  @Test
  void shouldFallDueAt1230OnTuesdayWhenAskedAt1630OnTheFridayBeforeThanksgiving() {
    policy("Winnipeg first response", List.of(), 240, null, null);
    clock.set(winnipeg(2011, 10, 7, 16, 30));

    UUID conversation = open("Our invoices are wrong");

    SlaClockView first = clock(conversation, SlaMetric.FIRST_RESPONSE);
    assertThat(first.dueAt()).isEqualTo(winnipeg(2011, 10, 11, 12, 30));
    assertThat(first.warnAt()).isEqualTo(winnipeg(2011, 10, 11, 11, 30));
    assertThat(first.targetMinutes()).isEqualTo(240);
    assertThat(clock(conversation, SlaMetric.RESOLUTION).targetMinutes()).isNull();
  }

  @Test
  void shouldWarnThenBreachOnceEachAndEscalateOnceWhenNobodyAnswers() {
    policy("Winnipeg first response", List.of(), 240, null, null);
    UUID lead = staff.createAgent("sam-" + UUID.randomUUID() + "@tact.test", "Sam Agent", Role.AGENT, "pw-x-12345678").id();
    staff.addMember(team, lead);
    clock.set(winnipeg(2011, 10, 7, 16, 30));
    UUID conversation = open("Nothing works");
    conversations.assign(conversation, Actor.system(), lead, team);

    clock.set(winnipeg(2011, 10, 11, 11, 29));
    assertThat(fire()).isZero();
    clock.set(winnipeg(2011, 10, 11, 11, 30));
    assertThat(fire()).isEqualTo(1);
    assertThat(history(conversation, "SLA_WARNING")).hasSize(1).first().extracting(HistoryEntry::detail)
        .isEqualTo("first response due Tue 11 Oct 2011 12:30 America/Winnipeg (75 % of 4 business hours used)");
    assertThat(notifications.ofConversation(conversation)).extracting(SlaNotification::kind).containsExactly("WARNING");
    assertThat(notifications.ofConversation(conversation).getFirst().agentId()).isEqualTo(lead);

    clock.set(winnipeg(2011, 10, 11, 12, 30));
    assertThat(fire()).isEqualTo(1);
    clock.set(winnipeg(2011, 10, 12, 12, 30));
    assertThat(fire()).isZero();

    assertThat(history(conversation, "SLA_BREACHED")).hasSize(1).first().extracting(HistoryEntry::detail)
        .isEqualTo("first response was due Tue 11 Oct 2011 12:30 America/Winnipeg");
    assertThat(history(conversation, "ESCALATED")).hasSize(1).first().extracting(HistoryEntry::detail)
        .isEqualTo("first line → specialist: SLA breach: first response was due Tue 11 Oct 2011 12:30 America/Winnipeg");
    assertThat(summary(conversation).tier()).isEqualTo(Tier.SPECIALIST);
    assertThat(notifications.ofConversation(conversation)).extracting(SlaNotification::kind)
        .containsExactly("WARNING", "BREACH");
    SlaClockView first = clock(conversation, SlaMetric.FIRST_RESPONSE);
    assertThat(first.breached()).isTrue();
    assertThat(first.breachedAt()).isEqualTo(winnipeg(2011, 10, 11, 12, 30));
    assertThat(clocks.needingAttention(team, true, 10)).containsExactly(conversation);

    conversations.reply(conversation, Actor.agent(lead, "Sam Agent"), "Sorry for the wait, looking now.");
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).state()).isEqualTo("BREACHED");
    assertThat(clocks.needingAttention(team, true, 10)).doesNotContain(conversation);
    assertThat(fire()).isZero();
  }

  @Test
  void shouldPauseWhilePendingAndResumeWhenTheCustomerAnswers() {
    policy("Winnipeg all targets", List.of(), 60, 60, 480);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("Cannot log in");
    Actor agent = Actor.agent(null, "Ann Agent");

    clock.set(winnipeg(2011, 10, 3, 9, 20));
    conversations.reply(conversation, agent, "Which browser do you use?");
    SlaClockView first = clock(conversation, SlaMetric.FIRST_RESPONSE);
    assertThat(first.state()).isEqualTo("MET");
    assertThat(first.usedMinutes()).isEqualTo(20);

    clock.set(winnipeg(2011, 10, 3, 9, 30));
    customerWrites(conversation, "Firefox, on Linux.");
    SlaClockView next = clock(conversation, SlaMetric.NEXT_RESPONSE);
    assertThat(next.cycle()).isEqualTo(1);
    assertThat(next.dueAt()).isEqualTo(winnipeg(2011, 10, 3, 10, 30));

    clock.set(winnipeg(2011, 10, 3, 9, 40));
    conversations.changeStatus(conversation, agent, Status.PENDING);
    next = clock(conversation, SlaMetric.NEXT_RESPONSE);
    assertThat(next.state()).isEqualTo("PAUSED");
    assertThat(next.dueAt()).isNull();
    assertThat(next.usedMinutes()).isEqualTo(10);

    clock.set(winnipeg(2011, 10, 3, 15, 0));
    assertThat(fire()).as("nothing warns or breaches while the customer is awaited").isZero();
    assertThat(clock(conversation, SlaMetric.RESOLUTION).usedMinutes()).isEqualTo(40);

    customerWrites(conversation, "Here is the screenshot you asked for.");
    assertThat(summary(conversation).status()).isEqualTo(Status.OPEN);
    next = clock(conversation, SlaMetric.NEXT_RESPONSE);
    assertThat(next.state()).isEqualTo("RUNNING");
    assertThat(next.cycle()).as("the answer resumes the same clock").isEqualTo(1);
    assertThat(next.dueAt()).isEqualTo(winnipeg(2011, 10, 3, 15, 50));
    SlaClockView resolution = clock(conversation, SlaMetric.RESOLUTION);
    assertThat(resolution.dueAt()).as("440 business minutes left from 15:00: 2 h today, 5 h 20 min tomorrow")
        .isEqualTo(winnipeg(2011, 10, 4, 14, 20));

    clock.set(winnipeg(2011, 10, 3, 15, 30));
    conversations.reply(conversation, agent, "Fixed.");
    conversations.changeStatus(conversation, agent, Status.SOLVED);
    assertThat(clock(conversation, SlaMetric.NEXT_RESPONSE).state()).isEqualTo("MET");
    resolution = clock(conversation, SlaMetric.RESOLUTION);
    assertThat(resolution.state()).isEqualTo("MET");
    assertThat(resolution.usedMinutes()).isEqualTo(70);

    clock.set(winnipeg(2011, 10, 4, 9, 0));
    customerWrites(conversation, "It broke again.");
    resolution = clock(conversation, SlaMetric.RESOLUTION);
    assertThat(resolution.state()).as("a reopened conversation continues its resolution clock").isEqualTo("RUNNING");
    assertThat(resolution.usedMinutes()).isEqualTo(70);
    assertThat(clock(conversation, SlaMetric.NEXT_RESPONSE).cycle()).isEqualTo(2);
  }

  @Test
  void shouldMatchAgainKeepingTheTimeUsedWhenThePriorityChanges() {
    policy("Urgent", List.of("urgent"), 120, null, null);
    policy("Everything else", List.of(), 480, null, null);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("Slow pages");
    assertThat(clocks.state(conversation).orElseThrow().policyName()).isEqualTo("Everything else");
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 17, 0));

    clock.set(winnipeg(2011, 10, 3, 10, 0));
    conversations.changePriority(conversation, Actor.system(), Priority.URGENT);

    ConversationSla sla = clocks.state(conversation).orElseThrow();
    assertThat(sla.policyName()).isEqualTo("Urgent");
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 11, 0));
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).usedMinutes()).isEqualTo(60);
  }

  @Test
  void shouldMatchAgainKeepingTheTimeUsedWhenTheIntentIsDecided() {
    policies.create(new SlaPolicyDraft("Billing", null, List.of("billing"), null, List.of(team.toString()), 120, null,
        null, null, 1));
    policy("Everything else", List.of(), 480, null, null);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("My invoice is wrong");
    assertThat(clocks.state(conversation).orElseThrow().policyName()).isEqualTo("Everything else");

    clock.set(winnipeg(2011, 10, 3, 10, 0));
    decideIntent(conversation, "billing");

    assertThat(clocks.state(conversation).orElseThrow().policyName()).isEqualTo("Billing");
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 11, 0));
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).usedMinutes()).isEqualTo(60);
  }

  @Test
  void shouldLeaveTheClocksAsTheyAreWhenAnIntentIsDecidedThatNoPolicyOfTheTeamNames() {
    policy("Everything else", List.of(), 480, null, null);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("My invoice is wrong");
    clock.set(winnipeg(2011, 10, 3, 10, 0));
    ConversationSla before = clocks.state(conversation).orElseThrow();
    java.util.Optional<dev.tact.timer.ScheduledTimer> breach = timers.find(SlaClocks.BREACH_TIMER, conversation + "/FIRST_RESPONSE/0");

    decideIntent(conversation, "billing");

    assertThat(clocks.state(conversation).orElseThrow()).isEqualTo(before);
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 17, 0));
    assertThat(timers.find(SlaClocks.BREACH_TIMER, conversation + "/FIRST_RESPONSE/0")).isEqualTo(breach);
  }

  /** What the front door does when it has read the conversation: its intent row, then {@link IntentDecided}. */
  private void decideIntent(UUID conversation, String intent) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("""
          INSERT INTO routing_intent (conversation_id, intent, confidence, triage, decided_at)
          VALUES (:id, :intent, 0.9, FALSE, :at)""").param("id", conversation).param("intent", intent)
          .param("at", java.sql.Timestamp.from(clock.instant())).update();
      events.publishEvent(new IntentDecided(conversation, intent, 0.9, false, clock.instant()));
    });
  }

  @Test
  void shouldMatchAgainWhenTheCustomerBecomesVip() {
    policies.create(new SlaPolicyDraft("VIP", null, null, List.of("vip"), List.of(team.toString()), 60, null, null,
        50, 1));
    policy("Standard", List.of(), 480, null, null);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("Question about my plan");
    assertThat(clocks.state(conversation).orElseThrow().policyName()).isEqualTo("Standard");

    clock.set(winnipeg(2011, 10, 3, 9, 10));
    contacts.updateProfile(contact, new ContactProfile(null, null, null, null, null, "vip"));

    assertThat(clocks.state(conversation).orElseThrow().policyName()).isEqualTo("VIP");
    SlaClockView first = clock(conversation, SlaMetric.FIRST_RESPONSE);
    assertThat(first.dueAt()).isEqualTo(winnipeg(2011, 10, 3, 10, 0));
    assertThat(first.warnAt()).isEqualTo(winnipeg(2011, 10, 3, 9, 30));
  }

  @Test
  void shouldKeepTheTimeUsedAndMoveTheDueTimeWhenTheTeamCloses() {
    policy("Winnipeg first response", List.of(), 240, null, null);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("Where is my order?");
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 13, 0));

    clock.set(winnipeg(2011, 10, 3, 10, 0));
    calendars.addClosure(team, "Staff meeting", null, null, winnipeg(2011, 10, 3, 11, 0), winnipeg(2011, 10, 3, 12, 0));

    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 14, 0));
    assertThat(timers.find(SlaClocks.BREACH_TIMER, conversation + "/FIRST_RESPONSE/0").orElseThrow().dueAt())
        .isEqualTo(winnipeg(2011, 10, 3, 14, 0));
  }

  @Test
  void shouldLeaveTheClocksAndTheirTimersAsTheyAreWhenTheOpeningIsToldAgain() {
    policy("Winnipeg first response and resolution", List.of(), 240, null, 480);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("The printer is on fire");
    clock.set(winnipeg(2011, 10, 3, 9, 20));
    conversations.reply(conversation, Actor.agent(null, "Ann Agent"), "On our way.");
    ConversationSla before = clocks.state(conversation).orElseThrow();
    java.util.Optional<dev.tact.timer.ScheduledTimer> resolutionBreach = timers.find(SlaClocks.BREACH_TIMER,
        conversation + "/RESOLUTION/0");
    assertThat(resolutionBreach).isPresent();
    ConversationSummary c = summary(conversation);

    transactions.executeWithoutResult(status -> {
      events.publishEvent(new ConversationOpened(conversation, c.number(), contact, Channel.WEB, c.createdAt(),
          c.teamId(), c.priority()));
      events.publishEvent(new ConversationOpened(conversation, c.number(), contact, Channel.WEB, c.createdAt()));
    });

    assertThat(clocks.state(conversation).orElseThrow()).isEqualTo(before);
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).state()).isEqualTo("MET");
    assertThat(timers.find(SlaClocks.BREACH_TIMER, conversation + "/FIRST_RESPONSE/0")).isEmpty();
    assertThat(timers.find(SlaClocks.WARNING_TIMER, conversation + "/FIRST_RESPONSE/0")).isEmpty();
    assertThat(timers.find(SlaClocks.BREACH_TIMER, conversation + "/RESOLUTION/0")).isEqualTo(resolutionBreach);
  }

  @Test
  void shouldMatchByTheConversationWhenAnOpeningDoesNotTellItsTeamAndPriority() {
    policy("Urgent", List.of("urgent"), 120, null, null);
    policy("Everything else", List.of(), 480, null, null);
    clock.set(winnipeg(2011, 10, 3, 9, 0));
    UUID conversation = open("Slow pages");
    conversations.changePriority(conversation, Actor.system(), Priority.URGENT);
    // as if it had been opened before SLA clocks were kept
    jdbc.sql("DELETE FROM sla_clock WHERE conversation_id = :id").param("id", conversation).update();
    jdbc.sql("DELETE FROM sla_conversation WHERE conversation_id = :id").param("id", conversation).update();
    ConversationSummary c = summary(conversation);

    transactions.executeWithoutResult(status -> events.publishEvent(
        new ConversationOpened(conversation, c.number(), contact, Channel.WEB, c.createdAt())));

    assertThat(clocks.state(conversation).orElseThrow().policyName()).isEqualTo("Urgent");
    assertThat(clock(conversation, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(winnipeg(2011, 10, 3, 11, 0));
  }

  private void policy(String name, List<String> priorities, Integer first, Integer next, Integer resolution) {
    policies.create(new SlaPolicyDraft(name, priorities, null, null, List.of(team.toString()), first, next,
        resolution, null, null));
  }

  private UUID open(String text) {
    String address = "pat-" + UUID.randomUUID() + "@customer.test";
    contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Pat Customer", null, null)).id();
    UUID opened = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Pat Customer",
        text, text, null, null, null, clock.instant(), List.of(), null, null, team, false, false, null))
        .conversationId();
    conversationPrefix = opened.toString();
    return opened;
  }

  private void customerWrites(UUID conversation, String text) {
    conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Pat Customer", null, text,
        null, null, conversation.toString(), clock.instant()));
  }

  /** Fires the due timers of this test's conversations (policy changes reschedule those of earlier tests too). */
  private int fire() {
    return timers.fireDue(clock, conversationPrefix, handlers, transactions);
  }

  private SlaClockView clock(UUID conversation, SlaMetric metric) {
    return clocks.state(conversation).orElseThrow().clocks().stream().filter(c -> c.metric() == metric)
        .max(java.util.Comparator.comparing(SlaClockView::cycle)).orElseThrow();
  }

  private ConversationSummary summary(UUID conversation) {
    return conversations.findByReference(conversation.toString()).orElseThrow();
  }

  private List<HistoryEntry> history(UUID conversation, String kind) {
    return conversations.requireDetails(conversation).history().stream().filter(h -> h.kind().equals(kind)).toList();
  }

  static Instant winnipeg(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, WINNIPEG).toInstant();
  }
}
