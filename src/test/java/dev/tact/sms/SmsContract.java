package dev.tact.sms;

import dev.tact.shared.HookSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.OutboxKind;
import dev.tact.delivery.OutboxState;
import dev.tact.intake.InboundItem;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.shared.Channel;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Texts end to end against a local server that speaks Twilio's format: Twilio's signed form posts come in through
 * intake (and a tampered one stores nothing), the generic webhook takes signed JSON, and a reply in an SMS
 * conversation leaves through the outbox to Twilio's Messages API, retried on 5xx, not on 4xx, and never twice.
 * The dispatcher threads run (one, polling quickly) and the tests wait, with a deadline, for each row's end.
 */
abstract class SmsContract {

  static final String SID = "AC00000000000000000000000000000001";
  static final String TOKEN = "twilio-test-token";
  static final String OUR_NUMBER = "+15005550006";
  static final String PUBLIC_BASE = "https://help.example.test";
  static final String SOCIAL_SECRET = "social-secret";
  static final FakeTwilio TWILIO = start();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static FakeTwilio start() {
    try {
      return new FakeTwilio(SID, TOKEN);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void twilio(DynamicPropertyRegistry registry) {
    registry.add("tact.sms.twilio.account-sid", () -> SID);
    registry.add("tact.sms.twilio.auth-token", () -> TOKEN);
    registry.add("tact.sms.twilio.from-number", () -> OUR_NUMBER);
    registry.add("tact.sms.twilio.api-base-url", TWILIO::baseUrl);
    registry.add("tact.sms.twilio.public-base-url", () -> PUBLIC_BASE);
    registry.add("tact.sms.webhook.secrets.social", () -> SOCIAL_SECRET);
  }

  @AfterAll
  static void stopTwilio() {
    TWILIO.plan.clear();
  }

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  InboundItems items;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  Outbox outbox;

  @Autowired
  dev.tact.delivery.DirectNotices notices;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  dev.tact.staff.StaffDirectory staff;

  @Autowired
  dev.tact.survey.Surveys surveys;

  final HttpClient http = HttpClient.newHttpClient();
  JsonApi api;

  @BeforeEach
  void adminApi() {
    api = new JsonApi(port, tokens.issue("sms-tests-" + SEQUENCE.incrementAndGet(), Role.ADMIN, null).secret());
    TWILIO.plan.clear();
  }

  @Test
  void shouldFileATextTwilioSignedForThePublicUrlAnswerEmptyTwimlAndKeepARedeliveryAsOneMessage() throws Exception {
    String customer = phone();
    Map<String, String> form = twilioSms(customer, "Is my parcel on its way?");

    HttpResponse<String> answer = postForm("/hooks/twilio/sms", form, twilioSignature("/hooks/twilio/sms", form));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(answer.body()).contains("<Response></Response>");
    ConversationDetails conversation = conversationOf(customer);
    assertThat(conversation.conversation().channel()).isEqualTo(Channel.SMS);
    assertThat(conversation.messages()).singleElement().satisfies(m -> {
      assertThat(m.body()).isEqualTo("Is my parcel on its way?");
      assertThat(m.externalId()).isEqualTo(form.get("MessageSid"));
    });

    HttpResponse<String> again = postForm("/hooks/twilio/sms", form, twilioSignature("/hooks/twilio/sms", form));
    assertThat(again.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> items.count(ItemState.PENDING) == 0);
    assertThat(conversations.requireDetails(conversation.conversation().id()).messages()).hasSize(1);
  }

  @Test
  void shouldRefuseATamperedUnsignedOrWronglyAddressedTwilioPostWithProblemDetailsAndStoreNothing() throws Exception {
    long before = itemCount();
    Map<String, String> form = twilioSms(phone(), "Refund me");
    String signature = twilioSignature("/hooks/twilio/sms", form);
    Map<String, String> tampered = new LinkedHashMap<>(form);
    tampered.put("Body", "Refund me twice");
    String signedForTheInsideUrl = TwilioSignature.sign(TOKEN, "http://127.0.0.1:" + port + "/hooks/twilio/sms",
        lists(form));

    for (HttpResponse<String> refused : List.of(postForm("/hooks/twilio/sms", tampered, signature),
        postForm("/hooks/twilio/sms", form, null), postForm("/hooks/twilio/sms", form, signedForTheInsideUrl))) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(JSON.readTree(refused.body()).path("type").asString()).contains("bad-signature");
    }
    assertThat(itemCount()).isEqualTo(before);
  }

  @Test
  void shouldFileASignedGenericWebhookMessageAndRefuseBadStaleOrUnconfiguredOnes() throws Exception {
    String handle = "twitter:@sms_tests_" + SEQUENCE.incrementAndGet();
    byte[] body = JSON.writeValueAsBytes(Map.of("from", handle, "name", "Rae", "text", "Your site is down again",
        "id", "tweet-" + UUID.randomUUID()));

    HttpResponse<String> accepted = postJson("/hooks/social/messages", body,
        HookSignature.header(SOCIAL_SECRET, Instant.now(), body));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    UUID itemId = UUID.fromString(JSON.readTree(accepted.body()).path("itemId").asString());
    InboundItem filed = await().atMost(Duration.ofSeconds(20)).until(() -> items.require(itemId),
        i -> i.state() == ItemState.DONE);
    ConversationDetails conversation = conversations.requireDetails(filed.conversationId());
    assertThat(conversation.conversation().channel()).isEqualTo(Channel.SOCIAL);
    assertThat(conversation.messages().getFirst().body()).isEqualTo("Your site is down again");

    long before = itemCount();
    byte[] other = JSON.writeValueAsBytes(Map.of("from", handle, "text", "Forged", "id", "forged"));
    HttpResponse<String> wrongSecret = postJson("/hooks/social/messages", other,
        HookSignature.header("not-the-secret", Instant.now(), other));
    HttpResponse<String> tampered = postJson("/hooks/social/messages", other,
        HookSignature.header(SOCIAL_SECRET, Instant.now(), body));
    HttpResponse<String> stale = postJson("/hooks/social/messages", other,
        HookSignature.header(SOCIAL_SECRET, Instant.now().minus(Duration.ofMinutes(10)), other));
    HttpResponse<String> unsigned = postJson("/hooks/social/messages", other, null);
    for (HttpResponse<String> refused : List.of(wrongSecret, tampered, stale, unsigned)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(JSON.readTree(refused.body()).path("type").asString()).contains("bad-signature");
    }
    HttpResponse<String> notEnabled = postJson("/hooks/chat/messages", other,
        HookSignature.header(SOCIAL_SECRET, Instant.now(), other));
    assertThat(notEnabled.statusCode()).isEqualTo(404);
    assertThat(itemCount()).isEqualTo(before);
  }

  @Test
  void shouldSendAnSmsReplyThroughTwiliosMessagesApiWithBasicAuthAndRetryAfterA5xx() throws Exception {
    TWILIO.plan.add(FakeTwilio.Answer.SERVER_ERROR);
    TWILIO.plan.add(FakeTwilio.Answer.CREATED);
    String customer = phone();
    int postsBefore = TWILIO.posts.size();

    OutboxEntry row = replyTo(customer, "It left our warehouse this morning.");
    OutboxEntry sent = await().atMost(Duration.ofSeconds(30)).until(() -> outbox.require(row.id()),
        r -> r.state().isFinal());

    assertThat(sent.state()).as(sent.lastError()).isEqualTo(OutboxState.SENT);
    List<FakeTwilio.Post> posts = TWILIO.posts.subList(postsBefore, TWILIO.posts.size());
    assertThat(posts).hasSize(2).allSatisfy(p -> {
      assertThat(p.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN)
          .getBytes(StandardCharsets.UTF_8)));
      assertThat(p.contentType()).startsWith("application/x-www-form-urlencoded");
      assertThat(p.form()).containsEntry("To", customer).containsEntry("From", OUR_NUMBER)
          .containsEntry("Body", "It left our warehouse this morning.")
          .containsEntry("StatusCallback", PUBLIC_BASE + "/hooks/twilio/status");
    });
    assertThat(attempts(row.id())).containsExactly("RETRY 503", "SENT 201");
    assertThat(providerId(row.id())).startsWith("SM");
  }

  @Test
  void shouldNotRetryAReplyTwilioRefusesWith4xx() throws Exception {
    TWILIO.plan.add(FakeTwilio.Answer.BAD_REQUEST);
    int postsBefore = TWILIO.posts.size();

    OutboxEntry row = replyTo(phone(), "We will call you back.");
    OutboxEntry failed = await().atMost(Duration.ofSeconds(30)).until(() -> outbox.require(row.id()),
        r -> r.state().isFinal());

    assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
    assertThat(failed.lastError()).contains("400").contains("21211");
    assertThat(TWILIO.posts.size() - postsBefore).isEqualTo(1);
    assertThat(attempts(row.id())).containsExactly("FAILED 400");
  }

  @Test
  void shouldNotTextTwiceWhenTwilioTookTheMessageButItsAnswerWasLost() throws Exception {
    TWILIO.plan.add(FakeTwilio.Answer.CREATED_THEN_500);
    int postsBefore = TWILIO.posts.size();
    int listsBefore = TWILIO.lists.get();

    OutboxEntry row = replyTo(phone(), "Your refund is on its way.");
    OutboxEntry sent = await().atMost(Duration.ofSeconds(30)).until(() -> outbox.require(row.id()),
        r -> r.state().isFinal());

    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(TWILIO.posts.size() - postsBefore).as("texts sent").isEqualTo(1);
    assertThat(TWILIO.lists.get() - listsBefore).as("Twilio asked before the second attempt").isEqualTo(1);
    assertThat(providerId(row.id())).isEqualTo(TWILIO.held.getLast().get("sid"));
  }

  @Test
  void shouldRetryRatherThanTextBlindlyWhenTwilioCannotSayWhetherTheEarlierAttemptWentOut() throws Exception {
    TWILIO.plan.add(FakeTwilio.Answer.CREATED_THEN_500);
    TWILIO.failingLists.set(1);
    int postsBefore = TWILIO.posts.size();
    int listsBefore = TWILIO.lists.get();

    OutboxEntry row = replyTo(phone(), "Your new card is in the post.");
    OutboxEntry sent = await().atMost(Duration.ofSeconds(30)).until(() -> outbox.require(row.id()),
        r -> r.state().isFinal());

    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(TWILIO.posts.size() - postsBefore).as("texts sent").isEqualTo(1);
    assertThat(TWILIO.lists.get() - listsBefore).as("Twilio asked on the second and third attempts").isEqualTo(2);
    assertThat(attempts(row.id())).containsExactly("RETRY 500", "RETRY 0", "SENT 200");
  }

  @Test
  void shouldFileAPictureTextWithItsMediaLinks() throws Exception {
    String customer = phone();
    Map<String, String> form = twilioSms(customer, "");
    form.put("NumMedia", "1");
    form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages/MM1/Media/ME1");
    form.put("MediaContentType0", "image/jpeg");

    assertThat(postForm("/hooks/twilio/sms", form, twilioSignature("/hooks/twilio/sms", form)).statusCode())
        .isEqualTo(200);

    assertThat(conversationOf(customer).messages()).singleElement().satisfies(m -> assertThat(m.body())
        .isEqualTo("[attachment: " + form.get("MediaUrl0") + " (image/jpeg)]"));
  }

  @Test
  void shouldMarkASentReplyFailedWhenTwilioReportsItUndeliveredAndRefuseAnUnsignedCallback() throws Exception {
    OutboxEntry row = replyTo(phone(), "See you tomorrow.");
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.require(row.id()).state() == OutboxState.SENT);
    String sid = providerId(row.id());
    Map<String, String> callback = new LinkedHashMap<>();
    callback.put("AccountSid", SID);
    callback.put("MessageSid", sid);
    callback.put("MessageStatus", "undelivered");
    callback.put("ErrorCode", "30003");

    HttpResponse<String> unsigned = postForm("/hooks/twilio/status", callback, "AAAA");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.SENT);

    HttpResponse<String> answer = postForm("/hooks/twilio/status", callback,
        twilioSignature("/hooks/twilio/status", callback));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    OutboxEntry failed = outbox.require(row.id());
    assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
    assertThat(failed.lastError()).contains("undelivered").contains("30003");
  }

  @Test
  void shouldShowAdminsWhatToGiveTwilioWithoutItsSecrets() {
    if (staff.findAgentByEmail("sms-admin@tact.test").isEmpty()) {
      staff.createAgent("sms-admin@tact.test", "Sam Admin", Role.ADMIN, "Sms-admin-pass-1");
    }
    WebSession web = new WebSession(port);
    assertThat(web.logIn("sms-admin@tact.test", "Sms-admin-pass-1")).isTrue();

    String page = web.get("/admin/sms").body();

    assertThat(page).contains("data-sms-sending=\"on\"").contains("data-sms-receiving=\"on\"")
        .contains(PUBLIC_BASE + "/hooks/twilio/sms").contains(PUBLIC_BASE + "/hooks/twilio/status")
        .contains("/hooks/social/messages").contains(OUR_NUMBER)
        .doesNotContain(TOKEN).doesNotContain(SID).doesNotContain(SOCIAL_SECRET);
  }

  @Test
  void shouldTextADirectNoticeSuchAsAPortalLinkThroughTwilio() throws Exception {
    TWILIO.plan.add(FakeTwilio.Answer.CREATED);
    String customer = phone();
    Map<String, String> form = twilioSms(customer, "How do I see my requests?");
    assertThat(postForm("/hooks/twilio/sms", form, twilioSignature("/hooks/twilio/sms", form)).statusCode())
        .isEqualTo(200);
    UUID contact = conversationOf(customer).conversation().contactId();
    int postsBefore = TWILIO.posts.size();

    UUID rowId = notices.text(contact, customer, "Your link: https://help.example/portal/enter/abc",
        dev.tact.policy.Purpose.TRANSACTIONAL, "notice-test:" + UUID.randomUUID(), "test");

    OutboxEntry sent = await().atMost(Duration.ofSeconds(30)).until(() -> outbox.require(rowId),
        r -> r.state().isFinal());
    assertThat(sent.state()).as(sent.lastError()).isEqualTo(OutboxState.SENT);
    assertThat(sent.kind()).isEqualTo(OutboxKind.PROVIDER);
    assertThat(TWILIO.posts.subList(postsBefore, TWILIO.posts.size())).singleElement()
        .satisfies(p -> assertThat(p.form()).containsEntry("To", customer)
            .containsEntry("Body", "Your link: https://help.example/portal/enter/abc"));
  }

  @Test
  void shouldTextTheSurveyLinkThroughTwilioWhenAnSmsConversationIsSolvedAndTakeTheAnswerOnThePage() throws Exception {
    String customer = phone();
    Map<String, String> form = twilioSms(customer, "My card was charged twice");
    assertThat(postForm("/hooks/twilio/sms", form, twilioSignature("/hooks/twilio/sms", form)).statusCode())
        .isEqualTo(200);
    ConversationDetails conversation = conversationOf(customer);
    UUID id = conversation.conversation().id();
    int postsBefore = TWILIO.posts.size();

    JsonApi.Answer solved = api.put("/api/v1/conversations/" + conversation.conversation().number() + "/status",
        Map.of("status", "solved"));
    assertThat(solved.status()).as(solved.raw()).isEqualTo(200);

    dev.tact.survey.Survey survey = await().atMost(Duration.ofSeconds(30))
        .until(() -> surveys.ofConversation(id).stream().findFirst().orElse(null), s -> s != null);
    assertThat(survey.sent()).as(survey.reason()).isTrue();
    assertThat(survey.channel()).isEqualTo(Channel.SMS);
    FakeTwilio.Post text = await().atMost(Duration.ofSeconds(30)).until(() -> TWILIO.posts
        .subList(postsBefore, TWILIO.posts.size()).stream().filter(p -> customer.equals(p.form().get("To")))
        .findFirst().orElse(null), p -> p != null);
    assertThat(text.form()).containsEntry("From", OUR_NUMBER);
    assertThat(text.form().get("Body")).contains("Was our help good, or not good?", "/survey/");
    assertThat(conversations.requireDetails(id).messages()).filteredOn(m -> m.body().contains("/survey/"))
        .as("the survey is a reply in the conversation").hasSize(1);

    String token = dev.tact.survey.SolvedConversations.tokenIn(text.form().get("Body"));
    HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/survey/" + token)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("score=2&comment=Quick+fix")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(answered.body()).contains("Thank you for your answer.");
    assertThat(surveys.ofConversation(id).getFirst().score()).isEqualTo(2);
  }

  /** A customer texts in through Twilio; an agent replies over the API; the reply's outbox row. */
  OutboxEntry replyTo(String customer, String text) throws Exception {
    Map<String, String> form = twilioSms(customer, "Hello?");
    assertThat(postForm("/hooks/twilio/sms", form, twilioSignature("/hooks/twilio/sms", form)).statusCode())
        .isEqualTo(200);
    ConversationDetails conversation = conversationOf(customer);
    JsonApi.Answer reply = api.post("/api/v1/conversations/" + conversation.conversation().id() + "/replies",
        Map.of("text", text));
    assertThat(reply.status()).as(reply.raw()).isBetween(200, 201);
    OutboxEntry row = outbox.ofMessage(UUID.fromString(reply.body().path("id").asString())).orElseThrow();
    assertThat(row.kind()).isEqualTo(OutboxKind.PROVIDER);
    assertThat(row.recipient()).isEqualTo(customer);
    return row;
  }

  ConversationDetails conversationOf(String customer) {
    UUID id = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
        SELECT c.id FROM conv_conversation c JOIN contact_identity i ON i.contact_id = c.contact_id
         WHERE i.address = :phone""").param("phone", customer).query(UUID.class).optional(),
        java.util.Optional::isPresent).orElseThrow();
    return conversations.requireDetails(id);
  }

  static Map<String, String> twilioSms(String from, String body) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("ToCountry", "US");
    form.put("SmsMessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
    form.put("NumMedia", "0");
    form.put("MessageSid", form.get("SmsMessageSid"));
    form.put("AccountSid", SID);
    form.put("From", from);
    form.put("To", OUR_NUMBER);
    form.put("Body", body);
    form.put("NumSegments", "1");
    form.put("ApiVersion", "2010-04-01");
    return form;
  }

  static String twilioSignature(String path, Map<String, String> form) {
    return TwilioSignature.sign(TOKEN, PUBLIC_BASE + path, lists(form));
  }

  static Map<String, List<String>> lists(Map<String, String> form) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    form.forEach((k, v) -> lists.put(k, List.of(v)));
    return lists;
  }

  static String phone() {
    return "+1415555" + String.format("%04d", 1000 + SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 5000));
  }

  HttpResponse<String> postForm(String path, Map<String, String> form, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(TwilioSms.encode(form)));
    if (signature != null) {
      request.header(TwilioSignature.HEADER, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, byte[] body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(HookSignature.HEADER, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  long itemCount() {
    return jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single();
  }

  List<String> attempts(UUID id) {
    return jdbc.sql("SELECT outcome, reply_code FROM delivery_attempt WHERE outbox_id = :id ORDER BY attempt, at")
        .param("id", id).query((rs, n) -> rs.getString("outcome") + " " + rs.getInt("reply_code")).list();
  }

  String providerId(UUID id) {
    return jdbc.sql("SELECT provider_message_id FROM delivery_outbox WHERE id = :id").param("id", id)
        .query(String.class).single();
  }
}
