package dev.tact.effort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.Status;
import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.shared.Channel;
import dev.tact.staff.Agent;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import dev.tact.staff.Tier;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Effort end to end, on H2 and PostgreSQL: real conversations filed through intake, replies, hand-offs, a reopen and
 * a channel switch made through the conversation module, the measure read back through the API, a redelivered event
 * that changes nothing, a repeat contact about the same topic, and the dashboard panels over the summary table with
 * every filter.
 */
abstract class EffortContract {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  MessageIntake intake;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  StaffDirectory staff;

  @Autowired
  EffortListeners listeners;

  @Autowired
  List<DashboardPanel> panels;

  @Autowired
  JdbcClient jdbc;

  JsonApi api;
  String suffix;

  @BeforeEach
  void agentToken() {
    api = new JsonApi(port, tokens.issue("effort-" + UUID.randomUUID(), Role.ADMIN, null).secret());
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldMeasureWhatTheCustomerWentThroughAndShowItOnTheDashboard() {
    String sender = "effort-" + suffix + "@example.org";
    ConversationSummary c = open(sender, "Charged twice " + suffix,
        "Hello, my card was charged twice for the same invoice, please refund one of the payments.", "a");
    // the intent and the message are measured by listeners of different events, which may land in either order
    JsonApi.Answer first = awaitEffort(c, e -> e.path("intent").isString()
        && e.path("parts").get(0).path("amount").asInt() > 0);
    assertThat(first.body().path("parts").get(0).path("amount").asInt()).isEqualTo(1);
    ConversationSummary routed = conversations.findByReference(c.id().toString()).orElseThrow();

    Team billing = staff.createTeam("Billing " + suffix);
    Team refunds = staff.createTeam("Refunds " + suffix);
    String password = "a-long-password-" + suffix;
    Agent ana = staff.createAgent("ana-" + suffix + "@staff.test", "Ana " + suffix, Role.AGENT, password);
    Agent ben = staff.createAgent("ben-" + suffix + "@staff.test", "Ben " + suffix, Role.AGENT, password);
    Actor lead = Actor.agent(ana.id(), ana.displayName());
    conversations.assign(c.id(), lead, ana.id(), billing.id());
    conversations.reply(c.id(), lead, "We are looking into it.");
    write(sender, c, "web", "Any news? I still see both payments.", "b");
    conversations.assign(c.id(), lead, ben.id(), refunds.id());
    conversations.escalate(c.id(), lead, Tier.SPECIALIST, "refund above the first line's limit");
    conversations.reply(c.id(), Actor.agent(ben.id(), ben.displayName()), "Refunded, sorry for the trouble.");
    conversations.changeStatus(c.id(), lead, Status.SOLVED);
    write(sender, c, "email", "The refund has not arrived.", "c");

    int handoffs = (routed.teamId() != null ? 1 : 0) + 1 + (routed.assigneeId() != null ? 1 : 0) + 1 + 1;
    JsonApi.Answer effort = awaitEffort(c, e -> e.path("parts").get(2).path("amount").asInt() == 1
        && e.path("parts").get(0).path("amount").asInt() == 3 && e.path("parts").get(1).path("amount").asInt()
        == handoffs);
    Map<String, Integer> amounts = amounts(effort);
    assertThat(amounts).containsEntry("messages", 3).containsEntry("handoffs", handoffs)
        .containsEntry("reopens", 1).containsEntry("channel-switches", 2).containsEntry("repeat-contact", 0);
    EffortScore expected = new EffortScore(3, handoffs, 1, 2, false, amounts.get("waited"));
    assertThat(effort.body().path("score").asInt()).isEqualTo(expected.score()).isGreaterThanOrEqualTo(10 + 20 + 15
        + 16);
    assertThat(effort.body().path("explanation").asString()).isEqualTo(expected.explanation())
        .contains("reopened 1 time", "2 switches of channel");

    // the conversation page shows the score and its parts
    WebSession browser = new WebSession(port);
    assertThat(browser.logIn(ana.email(), password)).isTrue();
    WebSession.Page page = browser.get("/conversations/" + c.number());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Customer effort", expected.score() + " / 100", expected.explanation(),
        "data-part=\"reopens\"", "+15");

    // the same event delivered again is heard once: nothing is measured again
    String measuredAt = effort.body().path("measuredAt").asString();
    long steps = steps(c.id());
    UUID lastMessage = conversations.requireDetails(c.id()).messages().getLast().id();
    MessageAdded again = new MessageAdded(c.id(), lastMessage, Direction.INBOUND, Channel.EMAIL, routed.contactId(),
        false, conversations.requireDetails(c.id()).messages().getLast().createdAt(), false, "", true);
    listeners.on(again);
    listeners.on(again);
    assertThat(steps(c.id())).isEqualTo(steps);
    assertThat(api.get("/api/v1/conversations/" + c.number() + "/effort").body().path("measuredAt").asString())
        .isEqualTo(measuredAt);

    // the dashboard: the conversation is the refunds team's, Ben's, opened by email
    // three whole UTC days, today the last: "now plus an hour" spanned four days between 23:00 and midnight
    Instant tomorrow = java.time.LocalDate.now(ZoneId.of("UTC")).plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
    ReportScope scope = new ReportScope(tomorrow.minus(Duration.ofDays(3)), tomorrow, ZoneId.of("UTC"), refunds.id(),
        null, null, null);
    PanelData byTeam = panel("effort-by-team").compute(scope);
    assertThat(byTeam.rows()).hasSize(1);
    assertThat(byTeam.rows().getFirst()).startsWith("Refunds " + suffix, (double) expected.score());
    assertThat(byTeam.rows().getFirst().getLast()).isEqualTo("1");
    assertThat(byTeam.headline()).isEqualTo("Average effort " + expected.score() + " of 100 over 1 conversation");
    assertThat(panel("effort-by-team").compute(new ReportScope(scope.from(), scope.to(), scope.zone(), billing.id(),
        null, null, null)).rows()).isEmpty();
    ReportScope bens = new ReportScope(scope.from(), scope.to(), scope.zone(), null, ben.id(), Channel.EMAIL,
        first.body().path("intent").asString());
    assertThat(panel("effort-by-channel").compute(bens).rows()).containsExactly(List.of("email",
        (double) expected.score(), 10.0, (double) Math.min(30, handoffs * 10), 15.0, 16.0, 0.0,
        (double) Math.min(30, amounts.get("waited") / 20), "1"));
    assertThat(panel("effort-by-intent").compute(bens).rows()).extracting(row -> row.get(1))
        .containsExactly((double) expected.score());
    assertThat(panel("effort-by-channel").compute(new ReportScope(scope.from(), scope.to(), scope.zone(), null,
        ben.id(), Channel.SMS, null)).rows()).isEmpty();
    PanelData days = panel("effort-by-period").compute(new ReportScope(scope.from(), scope.to(), scope.zone(),
        refunds.id(), null, null, null));
    assertThat(days.chart()).isEqualTo(PanelData.Chart.LINE);
    assertThat(days.rows()).hasSize(3);
    assertThat(days.rows().stream().filter(row -> "1".equals(row.getLast())).toList()).singleElement()
        .satisfies(row -> assertThat(row.get(1)).isEqualTo((double) expected.score()));

    // one filter reads the summary, an agent besides reads the detailed rows: they agree, folded or not (ADR 0046)
    ReportScope teamOnly = new ReportScope(scope.from(), scope.to(), scope.zone(), refunds.id(), null, null, null);
    ReportScope teamAndBen = new ReportScope(scope.from(), scope.to(), scope.zone(), refunds.id(), ben.id(), null,
        null);
    List<String> keys = List.of("effort-by-team", "effort-by-channel", "effort-by-intent", "effort-by-period");
    for (String key : keys) {
      assertThat(panel(key).compute(teamOnly).rows()).as(key).isEqualTo(panel(key).compute(teamAndBen).rows());
    }
    await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT COUNT(*) FROM effort_change").query(Long.class).single()
        == 0);
    for (String key : keys) {
      assertThat(panel(key).compute(teamOnly).rows()).as(key).isEqualTo(panel(key).compute(teamAndBen).rows());
    }
    assertThat(jdbc.sql("SELECT SUM(conversations) AS n, SUM(score) AS score FROM effort_daily WHERE filter_dim = 'team'"
        + " AND filter_key = :team AND group_dim = 'period'").param("team", refunds.id().toString()).query()
        .singleRow()).satisfies(row -> {
          assertThat(((Number) row.get("n")).longValue()).isEqualTo(1);
          assertThat(((Number) row.get("score")).longValue()).isEqualTo(expected.score());
        });
  }

  @Test
  void shouldCountAContactWritingAgainAboutTheSameTopicWithinAWeekAsARepeatContact() {
    String sender = "repeat-" + suffix + "@example.org";
    ConversationSummary earlier = open(sender, "Invoice wrong " + suffix,
        "My invoice shows the wrong amount, I was charged twice this month.", "1");
    String intent = awaitEffort(earlier, e -> e.path("intent").isString()).body().path("intent").asString();
    ConversationSummary later = open(sender, "Refund " + suffix,
        "Can I get a refund for the last payment? The bill went up again.", "2");

    JsonApi.Answer repeat = awaitEffort(later, e -> e.path("intent").isString());
    assertThat(repeat.body().path("intent").asString()).isEqualTo(intent);
    assertThat(repeat.body().path("repeatContact").asBoolean()).isTrue();
    assertThat(amounts(repeat)).containsEntry("repeat-contact", 1);
    assertThat(repeat.body().path("explanation").asString()).contains("same topic within the 7 days before (+15)");
    assertThat(api.get("/api/v1/conversations/" + earlier.number() + "/effort").body().path("repeatContact")
        .asBoolean()).isFalse();
  }

  @Test
  void shouldAnswerProblemDetailsForAConversationThatDoesNotExist() {
    JsonApi.Answer missing = api.get("/api/v1/conversations/999999999/effort");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.raw()).contains("not-found");
  }

  private ConversationSummary open(String sender, String subject, String text, String id) {
    intake.submit(new MessageSubmission("email", sender, "Casey " + suffix, null, null, subject, text,
        "effort-" + suffix + "-" + id, null, null));
    return await().atMost(PATIENCE).until(() -> conversations.findByReference(jdbc.sql("""
            SELECT c.number FROM conv_conversation c WHERE c.subject = :subject""").param("subject", subject)
            .query(String.class).optional().orElse("0")), java.util.Optional::isPresent).orElseThrow();
  }

  private void write(String sender, ConversationSummary c, String channel, String text, String id) {
    int before = conversations.requireDetails(c.id()).messages().size();
    intake.submit(new MessageSubmission(channel, sender, "Casey " + suffix, null, null, null, text,
        "effort-" + suffix + "-" + id, null, String.valueOf(c.number())));
    await().atMost(PATIENCE).until(() -> conversations.requireDetails(c.id()).messages().size() > before);
  }

  private JsonApi.Answer awaitEffort(ConversationSummary c,
      java.util.function.Predicate<tools.jackson.databind.JsonNode> ready) {
    try {
      return await().atMost(PATIENCE).until(() -> api.get("/api/v1/conversations/" + c.number() + "/effort"),
          answer -> answer.status() == 200 && ready.test(answer.body()));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("steps " + jdbc.sql("SELECT kind || ' ' || step_key FROM effort_step"
          + " WHERE conversation_id = :id").param("id", c.id()).query(String.class).list() + "; unfinished events "
          + jdbc.sql("SELECT listener_id || ' ' || event_type FROM event_publication WHERE completion_date IS NULL")
          .query(String.class).list(), e);
    }
  }

  private static Map<String, Integer> amounts(JsonApi.Answer effort) {
    Map<String, Integer> amounts = new java.util.LinkedHashMap<>();
    effort.body().path("parts").forEach(p -> amounts.put(p.path("key").asString(), p.path("amount").asInt()));
    return amounts;
  }

  private long steps(UUID conversationId) {
    return jdbc.sql("SELECT COUNT(*) FROM effort_step WHERE conversation_id = :id").param("id", conversationId)
        .query(Long.class).single();
  }

  private DashboardPanel panel(String key) {
    Map<String, DashboardPanel> byKey = panels.stream().collect(Collectors.toMap(DashboardPanel::key,
        Function.identity(), (a, b) -> a));
    return byKey.get(key);
  }
}
