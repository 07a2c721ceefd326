package dev.tact.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Direction;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.effort.EffortMeasured;
import dev.tact.shared.Channel;
import dev.tact.sla.SlaBreached;
import dev.tact.sla.SlaMetric;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.survey.SurveyAnswered;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactTest;
import dev.tact.testsupport.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Silent churn driven by the events it listens to (published in a transaction, as their modules do): the rhythm
 * learnt from inbound conversations and purchases, at-risk contacts listed with their reasons over the API, the
 * dashboard panel agreeing with the list, bad input that changes nothing, and reaching out through the contact
 * policy from the page.
 */
@TactTest
class SilentChurnIntegrationTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort
  int port;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  SilentChurn churn;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  List<DashboardPanel> panels;

  @Autowired
  JdbcClient jdbc;

  JsonApi lead;
  String suffix;
  Instant now;

  @BeforeEach
  void setUp() {
    lead = new JsonApi(port, tokens.issue("churn-lead-" + UUID.randomUUID(), Role.LEAD, null).secret());
    suffix = UUID.randomUUID().toString().substring(0, 8);
    now = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  @Test
  void shouldListAContactWhoWentQuietAfterAPoorExperienceWithItsReasonsAndNotTheOthers() {
    // every 10 days, six times, the last 60 days ago: overdue (2 x 10 days); then a breach and a poor answer
    Contact quiet = contact("quiet");
    List<UUID> quietConversations = history(quiet, 10, 6, 60);
    UUID last = quietConversations.getLast();
    publish(new SlaBreached(last, SlaMetric.FIRST_RESPONSE, 1, ago(59), ago(59)));
    publish(new SurveyAnswered(UUID.randomUUID(), last, quiet.id(), 1, 5, true, "Nobody answered for days",
        ago(58), false));
    publish(new StatusChanged(last, Status.OPEN, Status.SOLVED, ago(58)));

    // the same rhythm and a poor answer, but the last contact 5 days ago: not overdue
    Contact recent = contact("recent");
    UUID recentLast = history(recent, 10, 6, 5).getLast();
    publish(new SurveyAnswered(UUID.randomUUID(), recentLast, recent.id(), 1, 5, true, "slow", ago(4), false));

    // overdue, but the last experience was fine (solved, nothing poor)
    Contact content = contact("content");
    UUID contentLast = history(content, 10, 6, 60).getLast();
    publish(new StatusChanged(contentLast, Status.OPEN, Status.SOLVED, ago(59)));

    // a poor experience on an earlier conversation, a fine one after it, then quiet: not at risk
    Contact recovered = contact("recovered");
    List<UUID> recoveredConversations = history(recovered, 10, 5, 70);
    publish(new EffortMeasured(recoveredConversations.getLast(), recovered.id(), 6, 5, 0, 1, false, 300, 80,
        ago(69)));
    awaitExperience(recovered, PoorExperience.MANY_HANDOFFS, recoveredConversations.getLast());
    UUID fine = UUID.randomUUID();
    inbound(recovered, fine, ago(60));
    await().atMost(PATIENCE).until(() -> churn.of(recovered.id()).orElseThrow().episodes() == 6);
    publish(new StatusChanged(fine, Status.OPEN, Status.SOLVED, ago(59)));

    // one assertion per contact, so that a wait that runs out says which contact's state never came
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(kinds(quiet)).as("quiet").contains(PoorExperience.POOR_SURVEY, PoorExperience.SLA_BREACHED)
          .doesNotContain(PoorExperience.LEFT_OPEN);
      assertThat(kinds(recent)).as("recent").contains(PoorExperience.POOR_SURVEY);
      assertThat(kinds(content)).as("content").isEmpty();
      assertThat(kinds(recovered)).as("recovered").isEmpty();
    });

    AtRiskContact seen = churn.of(quiet.id()).orElseThrow();
    assertThat(seen.episodes()).isEqualTo(6);
    assertThat(seen.usualInterval()).isEqualTo(Duration.ofDays(10));
    assertThat(seen.overdueSince()).isEqualTo(ago(40));
    assertThat(churn.of(recovered.id()).orElseThrow().experiences()).as("a new episode forgets the poor one")
        .isEmpty();

    List<String> atRisk = listed("/api/v1/churn/at-risk?size=100");
    assertThat(atRisk).contains(quiet.id().toString())
        .doesNotContain(recent.id().toString(), content.id().toString(), recovered.id().toString());
    JsonApi.Answer bySurvey = lead.get("/api/v1/churn/at-risk?reason=poor_survey&size=100");
    assertThat(bySurvey.status()).as(bySurvey.raw()).isEqualTo(200);
    var row = find(bySurvey, quiet.id());
    assertThat(row.path("usualIntervalDays").asLong()).isEqualTo(10);
    assertThat(row.path("reason").asString()).isEqualTo("poor_survey");
    assertThat(row.path("experiences").toString()).contains("Nobody answered for days", "first response");
    assertThat(listed("/api/v1/churn/at-risk?reason=incident&size=100")).doesNotContain(quiet.id().toString());
    assertThat(listed("/api/v1/churn/at-risk?channel=sms&size=100")).doesNotContain(quiet.id().toString());

    // the customer takes the poor answer back: only the breach is left
    publish(new SurveyAnswered(UUID.randomUUID(), last, quiet.id(), 4, 5, false, "sorted in the end", ago(57),
        true));
    await().atMost(PATIENCE).until(() -> !hasExperience(quiet.id(), PoorExperience.POOR_SURVEY));
    assertThat(listed("/api/v1/churn/at-risk?reason=poor_survey&size=100")).doesNotContain(quiet.id().toString());
    assertThat(listed("/api/v1/churn/at-risk?reason=sla_breached&size=100")).contains(quiet.id().toString());

    // the dashboard counts what the list shows
    long listedTotal = lead.get("/api/v1/churn/at-risk?size=1").body().path("total").asLong();
    PanelData byReason = panel("silent-churn-by-reason").compute(new ReportScope(now.minus(Duration.ofDays(3650)),
        now.plus(Duration.ofDays(1)), ZoneOffset.UTC, null, null, null, null));
    assertThat(byReason.headline()).startsWith(listedTotal + " contact");
    assertThat(byReason.rows()).anySatisfy(r -> {
      assertThat(r.get(0)).isEqualTo(PoorExperience.SLA_BREACHED.label());
      assertThat((Long) r.get(1)).isGreaterThanOrEqualTo(1L);
    });
    PanelData lastWeek = panel("silent-churn-by-reason").compute(new ReportScope(now.minus(Duration.ofDays(7)),
        now.plus(Duration.ofDays(1)), ZoneOffset.UTC, null, null, null, null));
    PanelData beforeThat = panel("silent-churn-by-channel").compute(new ReportScope(ago(41), ago(39),
        ZoneOffset.UTC, null, null, Channel.EMAIL, null));
    assertThat(beforeThat.rows()).anySatisfy(r -> assertThat((Long) r.get(1)).isGreaterThanOrEqualTo(1L));
    assertThat(lastWeek.rows()).as("overdue 40 days ago, not within the last week").noneSatisfy(r -> {
      assertThat(r.get(0)).isEqualTo(PoorExperience.SLA_BREACHED.label());
      assertThat((Long) r.get(1)).isGreaterThan(0L);
    });
  }

  @Test
  void shouldKeepAPoorExperienceWhenAnOlderMeasureSayingOtherwiseIsHeardAfterIt() {
    Contact late = contact("late");
    UUID last = history(late, 10, 6, 30).getLast();
    // two measures of the conversation, heard in the other order (two listener threads): the newer one first
    publish(new EffortMeasured(last, late.id(), 6, 5, 0, 1, false, 300, 80, ago(2)));
    awaitExperience(late, PoorExperience.MANY_HANDOFFS, last);
    publish(new EffortMeasured(last, late.id(), 4, 1, 0, 1, false, 200, 40, ago(3)));
    awaitHeard(last);

    assertThat(kinds(late)).as("an older measure does not undo a newer one").contains(PoorExperience.MANY_HANDOFFS);

    // a newer measure without many hand-offs does
    publish(new EffortMeasured(last, late.id(), 7, 1, 0, 1, false, 400, 40, ago(1)));
    await().atMost(PATIENCE).until(() -> !hasExperience(late.id(), PoorExperience.MANY_HANDOFFS));
  }

  @Test
  void shouldMoveTheChurnStateToTheSurvivorWhenContactsAreMerged() {
    // the merged contact has the rhythm and a poor latest episode; the survivor only an old purchase
    Contact away = contact("merged-away");
    UUID last = history(away, 10, 6, 60).getLast();
    publish(new SlaBreached(last, SlaMetric.FIRST_RESPONSE, 1, ago(59), ago(59)));
    await().atMost(PATIENCE).until(() -> hasExperience(away.id(), PoorExperience.SLA_BREACHED));
    Contact survivor = contact("survivor");
    assertThat(lead.post("/api/v1/contacts/" + survivor.id() + "/activity", Map.of("kind", "purchase", "at",
        ago(200).toString(), "valueCents", 999)).status()).isEqualTo(202);
    assertThat(listed("/api/v1/churn/at-risk?size=100")).contains(away.id().toString())
        .doesNotContain(survivor.id().toString());

    contacts.merge(survivor.id(), away.id(), "churn test");

    await().atMost(PATIENCE).until(() -> churn.of(away.id()).isEmpty()
        && churn.of(survivor.id()).map(c -> c.episodes() == 6).orElse(false));
    AtRiskContact moved = churn.of(survivor.id()).orElseThrow();
    assertThat(moved.usualInterval()).isEqualTo(Duration.ofDays(10));
    assertThat(moved.lastConversationId()).isEqualTo(last);
    assertThat(moved.experiences()).extracting(AtRiskContact.Experience::kind)
        .contains(PoorExperience.SLA_BREACHED);
    assertThat(moved.purchases()).isEqualTo(1);
    assertThat(moved.valueCents()).isEqualTo(999);
    assertThat(listed("/api/v1/churn/at-risk?size=100")).contains(survivor.id().toString())
        .doesNotContain(away.id().toString());

    // a contact with only older activity merged into it: the survivor's state stays, the purchases add up
    Contact older = contact("older");
    assertThat(lead.post("/api/v1/contacts/" + older.id() + "/activity", Map.of("kind", "purchase", "at",
        ago(300).toString(), "valueCents", 100)).status()).isEqualTo(202);
    contacts.merge(survivor.id(), older.id(), "churn test");
    await().atMost(PATIENCE).until(() -> churn.of(older.id()).isEmpty());
    AtRiskContact kept = churn.of(survivor.id()).orElseThrow();
    assertThat(kept.episodes()).isEqualTo(6);
    assertThat(kept.lastConversationId()).isEqualTo(last);
    assertThat(kept.purchases()).isEqualTo(2);
    assertThat(kept.valueCents()).isEqualTo(1099);
    assertThat(kept.experiences()).extracting(AtRiskContact.Experience::kind)
        .contains(PoorExperience.SLA_BREACHED);

    // later messages of the merged person carry on the survivor's rhythm, not a new one
    inbound(survivor, UUID.randomUUID(), now);
    await().atMost(PATIENCE).until(() -> churn.of(survivor.id()).orElseThrow().episodes() == 7);
  }

  @Test
  void shouldLearnTheRhythmFromPurchasesAndRefuseBadActivityChangingNothing() {
    Contact buyer = contact("buyer");
    for (int i = 5; i >= 1; i--) {
      JsonApi.Answer bought = lead.post("/api/v1/contacts/" + buyer.id() + "/activity",
          Map.of("kind", "purchase", "at", ago(7 * i).toString(), "valueCents", 2500));
      assertThat(bought.status()).as(bought.raw()).isEqualTo(202);
    }
    AtRiskContact learnt = churn.of(buyer.id()).orElseThrow();
    assertThat(learnt.episodes()).isEqualTo(5);
    assertThat(learnt.purchases()).isEqualTo(5);
    assertThat(learnt.valueCents()).isEqualTo(12_500);
    assertThat(learnt.usualInterval()).isEqualTo(Duration.ofDays(7));

    assertThat(lead.post("/api/v1/contacts/" + buyer.id() + "/activity", Map.of("kind", "visit")).status())
        .isEqualTo(422);
    assertThat(lead.post("/api/v1/contacts/" + buyer.id() + "/activity", Map.of("kind", "purchase", "at",
        now.plus(Duration.ofDays(2)).toString())).status()).isEqualTo(422);
    assertThat(lead.post("/api/v1/contacts/" + buyer.id() + "/activity", Map.of("kind", "purchase",
        "valueCents", -1)).status()).isEqualTo(422);
    JsonApi.Answer unknown = lead.post("/api/v1/contacts/" + UUID.randomUUID() + "/activity",
        Map.of("kind", "purchase"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.raw()).contains("\"status\"");
    AtRiskContact after = churn.of(buyer.id()).orElseThrow();
    assertThat(after.purchases()).isEqualTo(5);
    assertThat(after.lastActivityAt()).isEqualTo(learnt.lastActivityAt());

    assertThat(lead.get("/api/v1/churn/at-risk?reason=bored").status()).isEqualTo(422);
    assertThat(lead.get("/api/v1/churn/at-risk?order=loudest").status()).isEqualTo(422);
    JsonApi agent = new JsonApi(port, tokens.issue("churn-agent-" + suffix, Role.AGENT, null).secret());
    assertThat(agent.get("/api/v1/churn/at-risk").status()).isEqualTo(403);
  }

  @Test
  void shouldReachOutFromThePageThroughTheContactPolicyAndShowItsAnswer() {
    Contact quiet = contact("reach");
    UUID last = history(quiet, 10, 5, 50).getLast();
    publish(new StatusChanged(last, Status.OPEN, Status.CLOSED, ago(49)));
    await().atMost(PATIENCE).until(() -> hasExperience(quiet.id(), PoorExperience.CLOSED_UNSOLVED));

    String email = "lead-" + suffix + "@example.com";
    staff.createAgent(email, "Lea Lead", Role.LEAD, "a-long-password-1");
    WebSession web = new WebSession(port);
    assertThat(web.logIn(email, "a-long-password-1")).isTrue();
    WebSession.Page list = web.get("/churn?reason=closed_unsolved");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("Churner reach " + suffix, "Closed without being solved");

    String address = "reach-" + suffix + "@example.org";
    WebSession.Page checked = web.submit("/churn/" + quiet.id(), "/churn/" + quiet.id() + "/reach-out",
        Map.of("via", address, "subject", "Checking in", "text", "Hello, how are things?", "action", "check"));
    assertThat(checked.redirectsTo("/churn/" + quiet.id())).as(checked.location()).isTrue();
    WebSession.Page shown = web.get("/churn/" + quiet.id());
    assertThat(shown.body()).contains("data-policy-outcome=\"allow\"", "The contact policy allows it");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_conversation WHERE contact_id = :id").param("id", quiet.id())
        .query(Long.class).single()).as("asking sends nothing").isZero();

    WebSession.Page sent = web.submit("/churn/" + quiet.id(), "/churn/" + quiet.id() + "/reach-out",
        Map.of("via", address, "subject", "Checking in", "text", "Hello, how are things?", "action", "send"));
    assertThat(sent.location()).contains("/conversations/");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_conversation WHERE contact_id = :id").param("id", quiet.id())
        .query(Long.class).single()).isEqualTo(1);

    // no recipient chosen: a readable problem, and nothing is created
    WebSession.Page nobody = web.submit("/churn/" + quiet.id(), "/churn/" + quiet.id() + "/reach-out",
        Map.of("via", "", "subject", "x", "text", "y", "action", "send"));
    assertThat(nobody.redirectsTo("/churn/" + quiet.id())).isTrue();
    assertThat(web.get("/churn/" + quiet.id()).body()).contains("Choose whom to write to");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_conversation WHERE contact_id = :id").param("id", quiet.id())
        .query(Long.class).single()).isEqualTo(1);
  }

  private Contact contact(String name) {
    return contacts.create(new ContactNames("Churner " + name + " " + suffix, null, null),
        List.of(identities.parse(name + "-" + suffix + "@example.org")), null);
  }

  /** {@code count} inbound conversations {@code everyDays} apart, the last {@code lastDaysAgo} days ago. */
  private List<UUID> history(Contact contact, int everyDays, int count, int lastDaysAgo) {
    List<UUID> conversations = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      UUID conversation = UUID.randomUUID();
      conversations.add(conversation);
      inbound(contact, conversation, ago(lastDaysAgo + i * everyDays));
      int expected = count - i;
      await().atMost(PATIENCE).until(() -> churn.of(contact.id()).map(c -> c.episodes() == expected)
          .orElse(false));
      // every other listener of the message too: the effort module measures the conversation and tells churn its
      // own EffortMeasured, which would otherwise race one the test publishes next (seen in CI: the module's
      // measure, no hand-offs, came second and took the test's "many hand-offs" away)
      awaitHeard(conversation);
    }
    return conversations;
  }

  private void inbound(Contact contact, UUID conversation, Instant at) {
    publish(new MessageAdded(conversation, UUID.randomUUID(), Direction.INBOUND, Channel.EMAIL, contact.id(), false,
        at, false, "Hello", true));
  }

  private void publish(Object event) {
    transactions.executeWithoutResult(status -> events.publishEvent(event));
  }

  private Instant ago(int days) {
    return now.minus(Duration.ofDays(days));
  }

  /**
   * Waits for the contact's experience; when it does not come, says what the ledger holds and how the listeners of
   * the conversation's events fared (a CI run once waited here in vain, with nothing in the log).
   */
  private void awaitExperience(Contact contact, PoorExperience kind, UUID conversation) {
    try {
      await().atMost(PATIENCE).until(() -> hasExperience(contact.id(), kind));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no " + kind + " for " + contact.id() + "; ledger: " + churn.of(contact.id())
          + "; publications naming " + conversation + ": " + jdbc.sql("""
              SELECT listener_id, event_type, status, completion_date, completion_attempts FROM event_publication
              WHERE serialized_event LIKE :conversation""").param("conversation", "%" + conversation + "%")
              .query().listOfRows(), e);
    }
  }

  /** Until every listener of every event naming the conversation so far has run. */
  private void awaitHeard(UUID conversation) {
    await().atMost(PATIENCE).until(() -> jdbc.sql("""
        SELECT COUNT(*) FROM event_publication
        WHERE completion_date IS NULL AND serialized_event LIKE :conversation""")
        .param("conversation", "%" + conversation + "%").query(Long.class).single() == 0);
  }

  private List<PoorExperience> kinds(Contact contact) {
    return churn.of(contact.id()).orElseThrow().experiences().stream().map(AtRiskContact.Experience::kind).toList();
  }

  private boolean hasExperience(UUID contactId, PoorExperience kind) {
    return churn.of(contactId).map(c -> c.experiences().stream().anyMatch(e -> e.kind() == kind)).orElse(false);
  }

  private List<String> listed(String path) {
    JsonApi.Answer answer = lead.get(path);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.body().path("items").forEach(item -> ids.add(item.path("contactId").asString()));
    return ids;
  }

  private static tools.jackson.databind.JsonNode find(JsonApi.Answer answer, UUID contactId) {
    for (var item : answer.body().path("items")) {
      if (item.path("contactId").asString().equals(contactId.toString())) {
        return item;
      }
    }
    throw new AssertionError(contactId + " not in " + answer.raw());
  }

  private DashboardPanel panel(String key) {
    return panels.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
  }
}
