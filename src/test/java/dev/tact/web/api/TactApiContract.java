package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the REST API promises, run against every database Tact supports: each subclass picks
 * one. Requests go over real HTTP to the running server. The front door's routing is off here, so
 * that histories and tags are exactly what the requests made (it has its own tests).
 */
abstract class TactApiContract {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  dev.tact.staff.StaffDirectory staffDirectory;

  ApiClient admin;

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("contract-tests", Role.ADMIN, null).secret());
  }

  @Test
  void shouldOpenAConversationForAnUnknownSenderWithoutRegistration() {
    String sender = unique("ana") + "@Example.COM";
    JsonNode ack = admin.acceptMessage(Map.of("channel", "email", "sender", sender, "givenName", "Zoë", "familyName", "Łukasiewicz",
        "subject", "Quote please", "text", "Could you send a quote?", "externalMessageId", unique("m")));

    JsonNode item = admin.awaitProcessed(ack);
    assertThat(item.path("state").asString()).isEqualTo("done");
    assertThat(item.path("messageId").asString()).isEqualTo(ack.path("messageId").asString());

    JsonNode conversation = admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body();
    assertThat(conversation.path("conversation").path("subject").asString()).isEqualTo("Quote please");
    assertThat(conversation.path("conversation").path("status").asString()).isEqualTo("NEW");
    assertThat(conversation.path("messages")).hasSize(1);
    assertThat(conversation.path("history").get(0).path("kind").asString()).isEqualTo("OPENED");

    JsonNode contact = admin.get("/api/v1/contacts/" + item.path("contactId").asString()).body().path("contact");
    assertThat(contact.path("givenName").asString()).isEqualTo("Zoë");
    assertThat(contact.path("familyName").asString()).isEqualTo("Łukasiewicz");
    assertThat(contact.path("identities").get(0).path("value").asString()).isEqualTo(sender.toLowerCase());
  }

  @Test
  void shouldKeepOneMessageWhenTheSameExternalIdIsPostedTwice() {
    Map<String, String> message = Map.of("channel", "sms", "sender", "+1 204 555 0199", "text", "Is my order shipped?",
        "externalMessageId", unique("sms"));
    JsonNode first = admin.acceptMessage(message);
    JsonNode second = admin.acceptMessage(message);

    assertThat(second.path("redelivery").asBoolean()).isTrue();
    assertThat(second.path("messageId").asString()).isEqualTo(first.path("messageId").asString());
    JsonNode one = admin.awaitProcessed(first);
    JsonNode two = admin.awaitProcessed(second);
    // two pipeline workers may file the two items in either order: whichever is filed second is the duplicate
    assertThat(List.of(one.path("state").asString(), two.path("state").asString()))
        .containsExactlyInAnyOrder("done", "duplicate");
    assertThat(two.path("conversationId").asString()).isEqualTo(one.path("conversationId").asString());
    JsonNode conversation = admin.get("/api/v1/conversations/" + one.path("conversationId").asString()).body();
    assertThat(conversation.path("messages")).hasSize(1);
  }

  @Test
  void shouldThreadByExternalThreadIdAndByConversationNumber() {
    String thread = unique("thread");
    String handle = "twitter:@" + unique("user");
    JsonNode first = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "social", "sender", handle, "text", "site down",
        "externalThreadId", thread)));
    JsonNode second = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "social", "sender", handle, "text", "still down",
        "externalThreadId", thread)));
    assertThat(second.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());

    long number = admin.get("/api/v1/conversations/" + first.path("conversationId").asString()).body()
        .path("conversation").path("number").asLong();
    JsonNode third = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender", unique("other") + "@example.org",
        "text", "about that ticket", "conversation", String.valueOf(number))));
    assertThat(third.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());

    JsonNode unrelated = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "social", "sender", handle, "text", "new topic")));
    assertThat(unrelated.path("conversationId").asString()).isNotEqualTo(first.path("conversationId").asString());
  }

  @Test
  void shouldRejectBadInputWithProblemDetailsAndStoreNothing() {
    long before = loggedItems();
    Map<String, Integer> expected = new LinkedHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("malformed-request", "{\"channel\": \"email\", ");
    bodies.put("unknown-channel", admin.json(Map.of("channel", "pigeon", "sender", "a@example.com", "text", "hi")));
    bodies.put("missing-sender", admin.json(Map.of("channel", "email", "text", "hi")));
    bodies.put("invalid-phone", admin.json(Map.of("channel", "phone", "sender", "+1 000 000", "text", "hi")));
    bodies.put("invalid-email", admin.json(Map.of("channel", "email", "sender", "ana@@example.com", "text", "hi")));
    bodies.put("text-too-large", admin.json(Map.of("channel", "email", "sender", "a@example.com", "text", "x".repeat(100_001))));
    bodies.put("conversation-not-found", admin.json(Map.of("channel", "email", "sender", "a@example.com", "text", "hi",
        "conversation", "999999999")));
    expected.put("malformed-request", 400);
    expected.put("unknown-channel", 422);
    expected.put("missing-sender", 422);
    expected.put("invalid-phone", 422);
    expected.put("invalid-email", 422);
    expected.put("text-too-large", 413);
    expected.put("conversation-not-found", 404);

    bodies.forEach((code, body) -> {
      ApiClient.Response response = admin.post("/api/v1/messages", body);
      assertThat(response.status()).as(code).isEqualTo(expected.get(code));
      assertThat(response.contentType()).as(code).startsWith("application/problem+json");
      assertThat(response.body().path("code").asString()).isEqualTo(code);
      assertThat(response.body().path("type").asString()).isEqualTo("urn:tact:problem:" + code);
      assertThat(response.body().path("detail").asString()).isNotBlank();
    });
    assertThat(loggedItems()).isEqualTo(before);
  }

  @Test
  void shouldRefuseControlCharactersInIdentifiersAndShortTextsAndStoreNothing() {
    long before = loggedItems();
    String injection = "x@example.com>\r\nReply-To: attacker@evil.example\r\n\r\nA new body";
    List<String> fields = List.of("externalMessageId", "externalThreadId", "sender", "name", "givenName",
        "familyName", "subject", "channel", "conversation");
    for (String field : fields) {
      for (String bad : List.of(injection, "a\u0000b", "a\u0085b", "tab\there", "line\u2028break")) {
        Map<String, String> message = new LinkedHashMap<>(Map.of("channel", "email", "sender", "ana@example.com",
            "subject", "Hello", "text", "Line one.\r\nLine two."));
        message.put(field, bad);
        ApiClient.Response response = admin.post("/api/v1/messages", admin.json(message));
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (bad.indexOf('\u0000') >= 0) {
          // NUL is refused in any JSON text before the fields are read (PostgreSQL could not store it)
          assertThat(response.status()).as(field + " = " + bad).isEqualTo(400);
          assertThat(response.body().path("code").asString()).as(field).isEqualTo("invalid-text");
          continue;
        }
        assertThat(response.status()).as(field + " = " + bad).isEqualTo(422);
        assertThat(response.body().path("code").asString()).as(field).isEqualTo("control-characters");
        assertThat(response.body().path("detail").asString()).as(field).contains(field);
      }
    }
    assertThat(loggedItems()).as("nothing stored").isEqualTo(before);

    JsonNode multiLine = admin.acceptMessage(Map.of("channel", "email", "sender", unique("lines") + "@example.com",
        "subject", "Two lines", "text", "Line one.\r\nLine two.\n\tindented"));
    assertThat(admin.awaitProcessed(multiLine).path("state").asString()).as("the text may have line breaks")
        .isEqualTo("done");
  }

  @Test
  void shouldLetAnIntegrationNameAConversationAndRecordWhichTokenDidIt() {
    JsonNode first = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "web", "sender",
        unique("owner") + "@example.org", "text", "My order is late")));
    String conversationId = first.path("conversationId").asString();
    long number = admin.get("/api/v1/conversations/" + conversationId).body().path("conversation").path("number")
        .asLong();
    String tokenName = "crm-sync-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient crm = admin.withToken(tokens.issue(tokenName, Role.AGENT, null).secret());

    JsonNode joined = crm.awaitProcessed(crm.acceptMessage(Map.of("channel", "email", "sender",
        unique("colleague") + "@example.org", "text", "Adding the order number: 4471",
        "conversation", String.valueOf(number))));

    assertThat(joined.path("conversationId").asString()).isEqualTo(conversationId);
    List<String> received = new ArrayList<>();
    admin.get("/api/v1/conversations/" + conversationId).body().path("history").forEach(h -> {
      if (h.path("kind").asString().equals("MESSAGE_RECEIVED")) {
        received.add(h.path("detail").asString());
      }
    });
    assertThat(received).hasSize(2);
    assertThat(received.get(1)).contains("API token " + tokenName).contains("#" + number);
  }

  @Test
  void shouldRequireATokenAndTheAdminRoleForAdministration() {
    ApiClient anonymous = admin.withToken(null);
    assertThat(anonymous.post("/api/v1/messages", "{}").status()).isEqualTo(401);
    assertThat(admin.withToken("tact_not-a-real-token").get("/api/v1/conversations").status()).isEqualTo(401);

    ApiClient agent = admin.withToken(tokens.issue("agent-token", Role.AGENT, null).secret());
    assertThat(agent.get("/api/v1/conversations").status()).isEqualTo(200);
    ApiClient.Response forbidden = agent.get("/api/v1/admin/inbound");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.body().path("code").asString()).isEqualTo("forbidden");
  }

  @Test
  void shouldRecordEveryChangeInTheConversationHistory() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "chat", "sender", unique("c") + "@example.net",
        "text", "Does the starter plan include SSL?")));
    String path = "/api/v1/conversations/" + item.path("conversationId").asString();
    JsonNode agentsList = admin.get("/api/v1/staff/agents").body();
    String teamId = teamId("Contract team " + UUID.randomUUID());

    assertThat(admin.post(path + "/replies", admin.json(Map.of("text", "Yes, it does."))).status()).isEqualTo(201);
    assertThat(admin.post(path + "/notes", admin.json(Map.of("text", "Upsell candidate"))).status()).isEqualTo(201);
    Map<String, Object> assignment = new LinkedHashMap<>();
    assignment.put("teamId", teamId);
    assignment.put("assigneeId", agentsList.isEmpty() ? null : agentsList.get(0).path("id").asString());
    assertThat(admin.put(path + "/assignment", admin.json(assignment)).status()).isEqualTo(200);
    assertThat(admin.put(path + "/status", admin.json(Map.of("status", "pending"))).status()).isEqualTo(200);
    assertThat(admin.put(path + "/priority", admin.json(Map.of("priority", "high"))).status()).isEqualTo(200);
    assertThat(admin.post(path + "/tags", admin.json(Map.of("tags", List.of("SSL", "presales")))).status()).isEqualTo(200);
    assertThat(admin.delete(path + "/tags/presales").status()).isEqualTo(200);
    assertThat(admin.put(path + "/status", admin.json(Map.of("status", "sleeping"))).status()).isEqualTo(422);

    JsonNode details = admin.get(path).body();
    JsonNode conversation = details.path("conversation");
    assertThat(conversation.path("status").asString()).isEqualTo("PENDING");
    assertThat(conversation.path("priority").asString()).isEqualTo("HIGH");
    assertThat(conversation.path("teamId").asString()).isEqualTo(teamId);
    assertThat(conversation.path("tags").toString()).isEqualTo("[\"ssl\"]");
    List<String> directions = new ArrayList<>();
    details.path("messages").forEach(m -> directions.add(m.path("direction").asString()));
    assertThat(directions).containsExactly("INBOUND", "OUTBOUND", "NOTE");
    List<String> kinds = new ArrayList<>();
    details.path("history").forEach(h -> kinds.add(h.path("kind").asString()));
    assertThat(kinds).contains("OPENED", "MESSAGE_RECEIVED", "REPLIED", "NOTE_ADDED", "TEAM_CHANGED",
        "STATUS_CHANGED", "PRIORITY_CHANGED", "TAGGED", "UNTAGGED");
    assertThat(details.path("history").get(details.path("history").size() - 1).path("actor").path("name").asString())
        .isEqualTo("integration contract-tests");

    JsonNode filtered = admin.get("/api/v1/conversations?status=pending&team=" + teamId).body();
    assertThat(filtered.path("total").asLong()).isEqualTo(1);
    assertThat(admin.get("/api/v1/conversations?page=0&size=1000").status()).isEqualTo(422);
  }

  @Test
  void shouldMergeTwoContactsAndMoveTheirConversations() {
    JsonNode byEmail = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender", unique("kenji") + "@example.jp",
        "givenName", "健二", "familyName", "渡辺", "text", "Password reset mail never arrived")));
    JsonNode byPhone = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "phone", "sender", "+81 3-1234-" + (1000 + (int) (Math.random() * 8999)),
        "text", "Calling about the reset mail")));
    String survivor = byEmail.path("contactId").asString();
    String merged = byPhone.path("contactId").asString();

    ApiClient.Response merge = admin.post("/api/v1/contacts/" + survivor + "/merge", admin.json(Map.of("mergeContactId", merged)));
    assertThat(merge.status()).isEqualTo(200);
    assertThat(merge.body().path("contact").path("identities")).hasSize(2);
    assertThat(merge.body().path("merge").path("identities").asInt()).isEqualTo(1);
    assertThat(merge.body().path("merge").path("mergedIdentities").get(0).asString()).as("as the caller wrote it")
        .startsWith("+81 3-1234-");

    assertThat(admin.get("/api/v1/contacts/" + merged).body().path("contact").path("id").asString()).isEqualTo(survivor);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(admin.get("/api/v1/contacts/" + survivor).body().path("conversations")).hasSize(2));
    assertThat(admin.get("/api/v1/contacts/" + survivor).body().path("merges")).hasSize(1);
    assertThat(admin.get("/api/v1/contacts/" + survivor).body().path("contact").path("familyName").asString()).isEqualTo("渡辺");

    ApiClient.Response again = admin.post("/api/v1/contacts/" + survivor + "/merge", admin.json(Map.of("mergeContactId", merged)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(admin.get("/api/v1/contacts?q=渡辺").body().toString()).contains(survivor);
  }

  @Test
  void shouldParkAnItemThatFailsAndLetAnAdminRetryIt() {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO intake_item (id, channel, content_type, payload, received_at, state, attempts, next_attempt_at, message_id)
        VALUES (:id, 'email', 'application/x-unknown', 'raw bytes', CURRENT_TIMESTAMP, 'PENDING', 0, CURRENT_TIMESTAMP, :message)""")
        .param("id", id).param("message", UUID.randomUUID()).update();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(admin.get("/api/v1/admin/inbound/" + id).body().path("state").asString()).isEqualTo("PARKED"));
    JsonNode parked = admin.get("/api/v1/admin/inbound?state=parked&size=100").body();
    assertThat(parked.toString()).contains(id.toString()).contains("application/x-unknown");
    assertThat(admin.get("/api/v1/admin/inbound/" + id).body().path("payload").asString()).isEqualTo("raw bytes");

    assertThat(admin.post("/api/v1/admin/inbound/" + id + "/retry", "").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode item = admin.get("/api/v1/admin/inbound/" + id).body();
      assertThat(item.path("state").asString()).isEqualTo("PARKED");
      assertThat(item.path("attempts").asInt()).isEqualTo(2);
    });
    assertThat(admin.post("/api/v1/admin/inbound/" + UUID.randomUUID() + "/retry", "").status()).isEqualTo(404);
  }

  @Test
  void shouldGiveEveryConcurrentNewConversationItsOwnNumber() throws Exception {
    List<Callable<JsonNode>> posts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String sender = unique("burst" + i) + "@example.com";
      posts.add(() -> admin.acceptMessage(Map.of("channel", "web", "sender", sender, "text", "form message")));
    }
    List<JsonNode> acks = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (Future<JsonNode> f : pool.invokeAll(posts)) {
        acks.add(f.get());
      }
    }
    Set<Long> numbers = new HashSet<>();
    for (JsonNode ack : acks) {
      String conversationId = admin.awaitProcessed(ack).path("conversationId").asString();
      numbers.add(admin.get("/api/v1/conversations/" + conversationId).body().path("conversation").path("number").asLong());
    }
    assertThat(numbers).hasSize(40);
  }

  @Test
  void shouldPublishTheOpenApiDocumentWithoutLoginWhileTheDocsAreOn() {
    ApiClient.Response doc = admin.withToken(null).get("/v3/api-docs");
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body().path("paths").has("/api/v1/messages")).isTrue();
    ApiClient.Response ui = admin.withToken(null).get("/swagger-ui/index.html");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.raw()).contains("Swagger UI");
  }

  @Test
  void shouldServeMetricsOnlyToAnAdminTokenAndHealthToAnyone() {
    ApiClient anonymous = admin.withToken(null);
    ApiClient agent = admin.withToken(tokens.issue("metrics-agent", Role.AGENT, null).secret());
    for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/tact.intake.accepted")) {
      ApiClient.Response refused = anonymous.get(path);
      assertThat(refused.status()).as(path).isEqualTo(401);
      assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
      assertThat(agent.get(path).status()).as(path).isEqualTo(403);
    }

    assertThat(admin.get("/actuator/prometheus").raw()).contains("tact_intake_accepted");
    assertThat(admin.get("/actuator/metrics/tact.intake.accepted").body().path("name").asString())
        .isEqualTo("tact.intake.accepted");
    ApiClient.Response health = anonymous.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().path("status").asString()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseInvalidUtf8AndNulInJsonTextWithProblemDetailsAndStoreNothing() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender",
        unique("byte") + "@example.com", "text", "A first, valid message")));
    String notes = "/api/v1/conversations/" + item.path("conversationId").asString() + "/notes";
    int messagesBefore = admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body()
        .path("messages").size();
    long before = loggedItems();
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("invalid-utf8 (a broken sequence)", jsonWithText("caf\u00c3(".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    bodies.put("invalid-utf8 (a byte that is never UTF-8)", jsonWithText(new byte[] {'a', (byte) 0xFF, 'b'}));
    bodies.put("invalid-utf8 (an overlong NUL)", jsonWithText(new byte[] {'a', (byte) 0xC0, (byte) 0x80, 'b'}));
    bodies.put("invalid-utf8 (a surrogate in UTF-8)", jsonWithText(new byte[] {'a', (byte) 0xED, (byte) 0xA0,
        (byte) 0x80, 'b'}));
    bodies.put("invalid-text (an escaped NUL)", jsonWithText("a\\u0000b".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    bodies.put("invalid-text (a lone surrogate)", jsonWithText("a\\ud800b".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    bodies.forEach((what, body) -> {
      String code = what.substring(0, what.indexOf(' '));
      for (String path : List.of("/api/v1/messages", notes)) {
        ApiClient.Response response = admin.postBytes(path, body, "application/json");
        assertThat(response.status()).as(what + " to " + path + ": " + response.raw()).isEqualTo(400);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).as(what + " to " + path).isEqualTo(code);
      }
    });
    assertThat(loggedItems()).isEqualTo(before);
    assertThat(admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body().path("messages"))
        .hasSize(messagesBefore);
    ApiClient.Response escapedBackslash = admin.postBytes(notes, jsonWithText("a\\\\u0000b".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII)), "application/json");
    assertThat(escapedBackslash.status()).as("a backslash before u0000 is text: " + escapedBackslash.raw())
        .isEqualTo(201);
    assertThat(escapedBackslash.body().path("body").asString()).isEqualTo("a\\u0000b");
  }

  /** A message body as JSON whose text is these raw bytes (in a sender's own message, and a note's). */
  static byte[] jsonWithText(byte[] text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes("{\"channel\":\"sms\",\"sender\":\"+12045550199\",\"text\":\"".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(text);
    out.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void shouldSetWhereAContactLivesAndRefuseWhatIsNotAZoneOrCountry() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender", unique("kenji") + "@example.ca",
        "text", "Call me about the SSL bundle")));
    String path = "/api/v1/contacts/" + item.path("contactId").asString() + "/profile";

    ApiClient.Response saved = admin.put(path,
        "{\"timeZone\":\"America/Winnipeg\",\"country\":\"ca\",\"subdivision\":\"CA-MB\",\"locale\":\"en-CA\"}");
    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    assertThat(saved.body().path("timeZone").asString()).isEqualTo("America/Winnipeg");
    assertThat(saved.body().path("country").asString()).isEqualTo("CA");
    assertThat(saved.body().path("subdivision").asString()).isEqualTo("mb");

    ApiClient.Response badZone = admin.put(path, "{\"timeZone\":\"Mars/Olympus\",\"country\":\"CA\"}");
    assertThat(badZone.status()).isEqualTo(422);
    assertThat(badZone.body().path("code").asString()).isEqualTo("invalid-time-zone");
    ApiClient.Response badCountry = admin.put(path, "{\"country\":\"XX\"}");
    assertThat(badCountry.body().path("code").asString()).isEqualTo("invalid-country");
    JsonNode unchanged = admin.get("/api/v1/contacts/" + item.path("contactId").asString()).body().path("contact");
    assertThat(unchanged.path("timeZone").asString()).isEqualTo("America/Winnipeg");
    assertThat(unchanged.path("country").asString()).isEqualTo("CA");
  }

  @Test
  void shouldSetACustomerTierAndRefuseOneThatIsNotAName() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender", unique("vip") + "@example.ca",
        "text", "Our contract renewal")));
    String contactPath = "/api/v1/contacts/" + item.path("contactId").asString();

    ApiClient.Response saved = admin.put(contactPath + "/profile", "{\"tier\":\"VIP\",\"country\":\"CA\"}");
    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    assertThat(saved.body().path("tier").asString()).isEqualTo("vip");

    ApiClient.Response bad = admin.put(contactPath + "/profile", "{\"tier\":\"very important!\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("code").asString()).isEqualTo("invalid-tier");
    assertThat(admin.get(contactPath).body().path("contact").path("tier").asString()).isEqualTo("vip");

    ApiClient.Response standard = admin.put(contactPath + "/profile", "{\"tier\":\"standard\"}");
    assertThat(standard.body().path("tier").isNull()).as(standard.raw()).isTrue();
  }

  @Test
  void shouldRefuseAChangeMadeFromAnOlderVersionAndSayWhatChangedSince() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "chat",
        "sender", unique("v") + "@example.net", "text", "Can I change my plan mid-month?")));
    String path = "/api/v1/conversations/" + item.path("conversationId").asString();
    String seen = admin.getBytes(path).headers().firstValue("ETag").orElseThrow();
    ApiClient lena = admin.withToken(tokens.issue("lena", Role.AGENT, null).secret());
    assertThat(lena.put(path + "/priority", admin.json(Map.of("priority", "high"))).status()).isEqualTo(200);

    ApiClient.Response stale = admin.put(path + "/status", admin.json(Map.of("status", "pending")), "If-Match", seen);

    assertThat(stale.status()).as(stale.raw()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.body().path("code").asString()).isEqualTo("conversation-changed");
    assertThat(stale.body().path("changes")).hasSize(1);
    assertThat(stale.body().path("changes").get(0).path("told").asString())
        .isEqualTo("integration lena changed the priority: normal → high just now");
    assertThat(stale.body().path("detail").asString()).contains("integration lena changed the priority");
    assertThat(admin.get(path).body().path("conversation").path("status").asString()).isEqualTo("NEW");
    String current = admin.getBytes(path).headers().firstValue("ETag").orElseThrow();
    assertThat(stale.body().path("version").asLong()).isEqualTo(Long.parseLong(current.replace("\"", "")));

    ApiClient.Response fresh = admin.put(path + "/status", admin.json(Map.of("status", "pending")), "If-Match",
        current);
    assertThat(fresh.status()).as(fresh.raw()).isEqualTo(200);
    assertThat(admin.get(path).body().path("conversation").path("status").asString()).isEqualTo("PENDING");
    assertThat(admin.getBytes(path).headers().firstValue("ETag").orElseThrow()).isNotEqualTo(current);

    ApiClient.Response garbled = admin.put(path + "/priority", admin.json(Map.of("priority", "low")), "If-Match",
        "\"yesterday\"");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.body().path("code").asString()).isEqualTo("invalid-version");
    assertThat(admin.get(path).body().path("conversation").path("priority").asString()).isEqualTo("HIGH");
  }

  @Test
  void shouldRefuseAFormFromAnOutOfDateConversationPageAndChangeNothing() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", unique("p") + "@example.net", "subject", "Refund " + unique("r"), "text", "Where is my refund?")));
    String id = item.path("conversationId").asString();
    long number = jdbc.sql("SELECT number FROM conv_conversation WHERE id = :id").param("id", UUID.fromString(id))
        .query(Long.class).single();
    String email = unique("priya") + "@tact.test";
    staffDirectory.createAgent(email, "Priya Page", Role.AGENT, "priya-pass-12345");
    dev.tact.testsupport.WebSession priya = new dev.tact.testsupport.WebSession(port);
    assertThat(priya.logIn(email, "priya-pass-12345")).isTrue();
    String pagePath = "/conversations/" + number;
    java.util.regex.Matcher shown = java.util.regex.Pattern.compile("data-version=\"(\\d+)\"")
        .matcher(priya.get(pagePath).body());
    assertThat(shown.find()).isTrue();
    assertThat(admin.put("/api/v1/conversations/" + id + "/priority", admin.json(Map.of("priority", "low")))
        .status()).isEqualTo(200);

    dev.tact.testsupport.WebSession.Page refused = priya.submit(pagePath, pagePath + "/status",
        Map.of("status", "solved", "seenVersion", shown.group(1)));

    assertThat(refused.redirectsTo(pagePath)).isTrue();
    assertThat(priya.get(pagePath).body()).contains("changed since you opened it")
        .contains("integration contract-tests changed the priority: normal → low");
    assertThat(jdbc.sql("SELECT status FROM conv_conversation WHERE id = :id").param("id", UUID.fromString(id))
        .query(String.class).single()).isEqualTo("NEW");

    java.util.regex.Matcher current = java.util.regex.Pattern.compile("data-version=\"(\\d+)\"")
        .matcher(priya.get(pagePath).body());
    assertThat(current.find()).isTrue();
    priya.submit(pagePath, pagePath + "/status", Map.of("status", "solved", "seenVersion", current.group(1)));
    assertThat(jdbc.sql("SELECT status FROM conv_conversation WHERE id = :id").param("id", UUID.fromString(id))
        .query(String.class).single()).isEqualTo("SOLVED");
  }

  long loggedItems() {
    return jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single();
  }

  String teamId(String name) {
    return jdbc.sql("SELECT id FROM staff_team WHERE name = :name").param("name", name).query(UUID.class).optional()
        .orElseGet(() -> {
          UUID id = UUID.randomUUID();
          jdbc.sql("INSERT INTO staff_team (id, name, created_at) VALUES (:id, :name, CURRENT_TIMESTAMP)")
              .param("id", id).param("name", name.substring(0, Math.min(100, name.length()))).update();
          return id;
        }).toString();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
