package dev.tact.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, part 1, over real HTTP on H2 and PostgreSQL: a solved conversation gets a survey by email through the
 * outbox (purpose SURVEY), answered and changed on the public page without login; a poor answer tags the
 * conversation; the summary table moves with the answers and the dashboard panels read it; a bad or closed link
 * changes nothing; the contact policy's and the survey's own reasons for not sending are kept and served.
 */
abstract class SurveysContract {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  MessageIntake intake;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  List<DashboardPanel> panels;

  JsonApi admin;
  String suffix;

  @BeforeEach
  void admin() {
    admin = new JsonApi(port, tokens.issue("survey-admin", Role.ADMIN, null).secret());
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldSendASurveyByEmailTakeAndChangeTheAnswerAndDenyASecondSurveyWithin30Days() throws Exception {
    String customer = "robin-" + suffix + "@example.org";
    ConversationSummary first = conversation(customer, "My invoice is wrong " + suffix);
    Instant before = Instant.now();
    Map<String, Long> counted = totals();

    solve(first);
    Survey sent = await().atMost(PATIENCE).until(() -> latest(first.id()), s -> s != null);
    assertThat(sent.sent()).as(sent.reason()).isTrue();
    assertThat(sent.channel().name()).isEqualTo("EMAIL");
    String token = tokenInOutbox(sent.id());
    assertThat(jdbc.sql("SELECT purpose FROM delivery_outbox WHERE idempotency_key = :k")
        .param("k", "survey:" + sent.id()).query(String.class).single()).isEqualTo("SURVEY");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM survey WHERE token_hash = :t").param("t", token).query(Long.class)
        .single()).as("the token itself is never stored").isZero();

    HttpResponse<String> page = page("GET", token, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("How did we do?", "Not good", "Send my answer");

    HttpResponse<String> poor = page("POST", token, "score=1&comment=" + java.net.URLEncoder.encode(
        "Nobody read my question " + suffix, StandardCharsets.UTF_8));
    assertThat(poor.statusCode()).isEqualTo(200);
    assertThat(poor.body()).contains("Thank you for your answer.", "Your answer: Not good");
    assertThat(conversations.findByReference(first.id().toString()).orElseThrow().tags()).contains(Surveys.POOR_TAG);
    assertThat(totals()).containsEntry("sent", counted.get("sent") + 1).containsEntry("answered",
        counted.get("answered") + 1).containsEntry("poor", counted.get("poor") + 1)
        .containsEntry("good", counted.get("good"));

    HttpResponse<String> changed = page("POST", token, "score=2&comment=Sorted+after+all");
    assertThat(changed.body()).contains("Your answer was changed.", "Your answer: Good");
    assertThat(conversations.findByReference(first.id().toString()).orElseThrow().tags())
        .doesNotContain(Surveys.POOR_TAG);
    assertThat(totals()).containsEntry("answered", counted.get("answered") + 1)
        .containsEntry("good", counted.get("good") + 1).containsEntry("poor", counted.get("poor"));
    assertThat(totals("survey_daily_detail")).isEqualTo(totals());

    JsonApi.Answer api = admin.get("/api/v1/conversations/" + first.number() + "/survey");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.body().get(0).path("score").asInt()).isEqualTo(2);
    assertThat(api.body().get(0).path("comment").asString()).isEqualTo("Sorted after all");

    PanelData byChannel = panel("satisfaction-by-channel").compute(new ReportScope(before.minus(Duration.ofDays(1)),
        Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC, first.teamId(), null, null, null));
    assertThat(byChannel.columns()).startsWith("Channel", "Satisfied %");
    assertThat(byChannel.rows()).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("email"));

    // a second conversation of the same contact, solved: the policy's 30-day rule holds the survey back
    ConversationSummary second = conversation(customer, "Another question " + suffix);
    solve(second);
    Survey held = await().atMost(PATIENCE).until(() -> latest(second.id()), s -> s != null);
    assertThat(held.sent()).isFalse();
    assertThat(held.reason()).contains("at most one survey per 30 days");
    assertThat(admin.get("/api/v1/conversations/" + second.number() + "/survey").body().get(0).path("reason")
        .asString()).contains("at most one survey per 30 days");
    assertThat(totals()).as("the held survey is not counted as sent").containsEntry("sent", counted.get("sent") + 1);
  }

  @Test
  void shouldShowAReadablePageAndChangeNothingForABadOrClosedLink() throws Exception {
    ConversationSummary c = conversation("kim-" + suffix + "@example.org", "Password reset " + suffix);
    solve(c);
    Survey sent = await().atMost(PATIENCE).until(() -> latest(c.id()), s -> s != null);
    assertThat(sent.sent()).as(sent.reason()).isTrue();
    String token = tokenInOutbox(sent.id());

    HttpResponse<String> bad = page("POST", token.substring(1) + "x", "score=1");
    assertThat(bad.statusCode()).isEqualTo(404);
    assertThat(bad.body()).contains("This survey link is not valid");
    assertThat(page("GET", "nonsense", null).body()).contains("This survey link is not valid");

    HttpResponse<String> noScore = page("POST", token, "comment=hm");
    assertThat(noScore.statusCode()).isEqualTo(422);
    assertThat(noScore.body()).contains("Choose Good or Not good.");
    assertThat(latest(c.id()).answered()).isFalse();

    jdbc.sql("UPDATE survey SET open_until = :past WHERE id = :id")
        .param("past", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("id", sent.id()).update();
    HttpResponse<String> closed = page("POST", token, "score=1");
    assertThat(closed.statusCode()).isEqualTo(409);
    assertThat(closed.body()).contains("closed");
    assertThat(page("GET", token, null).body()).contains("This survey is closed").doesNotContain("Send my answer");
    assertThat(latest(c.id()).answered()).isFalse();
    assertThat(conversations.findByReference(c.id().toString()).orElseThrow().tags()).doesNotContain(Surveys.POOR_TAG);
  }

  @Test
  void shouldNotSurveyAfterSpamNorSomeoneWhoAskedNotToBeAskedAgain() throws Exception {
    ConversationSummary spam = conversation("spammer-" + suffix + "@example.org", "Cheap followers " + suffix);
    conversations.addTags(spam.id(), dev.tact.conversation.Actor.system(), List.of("spam"));
    solve(spam);
    Survey none = await().atMost(PATIENCE).until(() -> latest(spam.id()), s -> s != null);
    assertThat(none.sent()).isFalse();
    assertThat(none.reason()).contains("read as spam");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key = :k")
        .param("k", "survey:" + none.id()).query(Long.class).single()).isZero();

    String customer = "alex-" + suffix + "@example.org";
    ConversationSummary first = conversation(customer, "Refund " + suffix);
    solve(first);
    Survey sent = await().atMost(PATIENCE).until(() -> latest(first.id()), s -> s != null);
    assertThat(sent.sent()).as(sent.reason()).isTrue();
    HttpResponse<String> stop = page("POST", tokenInOutbox(sent.id()) + "/stop", "");
    assertThat(stop.body()).contains("We will not ask you for a survey again.");
    // a month later the cap would allow it: the opt-out still denies
    jdbc.sql("UPDATE policy_attempt SET attempted_at = :old WHERE contact_id = :c")
        .param("old", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusDays(40)).param("c", first.contactId())
        .update();
    ConversationSummary later = conversation(customer, "Another refund " + suffix);
    solve(later);
    Survey denied = await().atMost(PATIENCE).until(() -> latest(later.id()), s -> s != null);
    assertThat(denied.sent()).isFalse();
    assertThat(denied.reason()).contains("opted out of survey").contains("no survey goes to someone who opted out");
  }

  @Test
  void shouldAnswerProblemDetailsForBadSettingsAndSwitchTheScale() {
    JsonApi.Answer bad = admin.put("/api/v1/admin/survey-settings", Map.of("scale", 7));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("detail").asString()).contains("scale is 2");
    assertThat(admin.get("/api/v1/admin/survey-settings").body().path("scale").asInt()).isEqualTo(2);
    JsonApi.Answer five = admin.put("/api/v1/admin/survey-settings", Map.of("scale", 5));
    try {
      assertThat(five.status()).as(five.raw()).isEqualTo(200);
      assertThat(five.body().path("scale").asInt()).isEqualTo(5);
      assertThat(five.body().path("enabled").asBoolean()).isTrue();
    } finally {
      admin.put("/api/v1/admin/survey-settings", Map.of("scale", 2));
    }
  }

  // ------------------------------------------------------------------ helpers

  private ConversationSummary conversation(String sender, String subject) {
    intake.submit(new MessageSubmission("email", sender, "A Customer", null, null, subject,
        "Hello, " + subject, "ext-" + UUID.randomUUID(), null, null));
    return await().atMost(PATIENCE).until(() -> contacts.findByIdentity(identities.parse(sender))
        .flatMap(contact -> conversations.ofContact(contact.id()).stream()
            .filter(c -> subject.equals(c.subject())).findFirst()).orElse(null), c -> c != null);
  }

  private void solve(ConversationSummary c) {
    JsonApi.Answer solved = admin.put("/api/v1/conversations/" + c.number() + "/status", Map.of("status", "solved"));
    assertThat(solved.status()).as(solved.raw()).isEqualTo(200);
  }

  @Autowired
  Surveys surveys;

  private Survey latest(UUID conversationId) {
    return surveys.ofConversation(conversationId).stream().findFirst().orElse(null);
  }

  private String tokenInOutbox(UUID surveyId) {
    byte[] content = jdbc.sql("SELECT content FROM delivery_outbox WHERE idempotency_key = :k")
        .param("k", "survey:" + surveyId).query(byte[].class).single();
    Matcher link = LINK.matcher(new String(content, StandardCharsets.UTF_8).replace("=\r\n", ""));
    assertThat(link.find()).as("a survey link in the mail").isTrue();
    return link.group(1);
  }

  /** The summary table's totals: this class's tests run one after the other, so a test reads its own deltas. */
  private Map<String, Long> totals() {
    return totals("survey_daily");
  }

  private Map<String, Long> totals(String table) {
    return jdbc.sql("SELECT COALESCE(SUM(sent), 0) AS sent, COALESCE(SUM(answered), 0) AS answered, "
        + "COALESCE(SUM(good), 0) AS good, COALESCE(SUM(poor), 0) AS poor FROM " + table)
        .query((rs, n) -> Map.of("sent", rs.getLong("sent"), "answered", rs.getLong("answered"), "good",
            rs.getLong("good"), "poor", rs.getLong("poor"))).single();
  }

  private DashboardPanel panel(String key) {
    return panels.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
  }

  private HttpResponse<String> page(String method, String token, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/survey/" + token))
        .header("Accept", "text/html");
    if ("POST".equals(method)) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
