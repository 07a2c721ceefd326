package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.Ids;
import dev.tact.staff.ApiScope;
import dev.tact.staff.ApiTokenRequest;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * {@code POST /api/v1/messages/batch}: a result per message (accepted, duplicate, rejected with its problem), nothing
 * stored of a rejected message or of a refused batch, the intake scope, and one message id for an external id
 * however many times and however close together it comes. Run on H2 and on PostgreSQL.
 */
abstract class MessagesBatchContract {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiTokens tokens;

  @LocalServerPort
  int port;

  /** A client with a token of the intake scope only, as an integration has. */
  ApiClient intake;

  @BeforeEach
  void intakeToken() {
    intake = new ApiClient(port, tokens.issue(new ApiTokenRequest("batch-" + Ids.newId(), Role.AGENT,
        Set.of(ApiScope.INTAKE), null, null), null, null).secret());
  }

  @Test
  void shouldAnswerEachMessageOfAMixedBatchAndStoreOnlyTheGoodOnes() {
    String run = Ids.newId().toString();
    JsonNode earlier = intake.acceptMessage(message(run + "-earlier", "first@example.com"));
    List<Object> batch = new ArrayList<>();
    batch.add(message(run + "-a", "ana@example.com"));
    batch.add(message(run + "-bad-sender", "not an address"));
    batch.add(message(run + "-a", "ana@example.com"));
    batch.add(42);
    batch.add(message(run + "-earlier", "first@example.com"));
    Map<String, Object> control = message(run + "-control", "bo@example.com");
    control.put("subject", "line\nbreak");
    batch.add(control);
    batch.add(message(run + "-b", "bo@example.com"));

    ApiClient.Response response = intake.post("/api/v1/messages/batch", intake.json(batch));

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode body = response.body();
    assertThat(body.path("accepted").asInt()).isEqualTo(2);
    assertThat(body.path("duplicates").asInt()).isEqualTo(2);
    assertThat(body.path("rejected").asInt()).isEqualTo(3);
    JsonNode results = body.path("results");
    assertThat(results.size()).isEqualTo(7);
    for (int i = 0; i < 7; i++) {
      assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
    }
    List<String> statuses = new ArrayList<>();
    results.forEach(r -> statuses.add(r.path("status").asString()));
    assertThat(statuses).containsExactly("accepted", "rejected", "duplicate", "rejected", "duplicate", "rejected",
        "accepted");
    assertThat(results.get(2).path("messageId").asString()).isEqualTo(results.get(0).path("messageId").asString());
    assertThat(results.get(4).path("messageId").asString()).isEqualTo(earlier.path("messageId").asString());
    assertThat(results.get(1).path("problem").path("status").asInt()).isEqualTo(422);
    assertThat(results.get(1).path("problem").path("code").asString()).isNotBlank();
    assertThat(results.get(3).path("problem").path("code").asString()).isEqualTo("malformed-message");
    assertThat(results.get(5).path("problem").path("code").asString()).isEqualTo("control-characters");
    assertThat(results.get(5).has("itemId")).isFalse();

    assertThat(logged(run + "-a")).isEqualTo(2);
    assertThat(logged(run + "-b")).isEqualTo(1);
    assertThat(logged(run + "-earlier")).isEqualTo(2);
    assertThat(logged(run + "-bad-sender")).isZero();
    assertThat(logged(run + "-control")).isZero();
    JsonNode status = intake.get(results.get(6).path("statusUrl").asString()).body();
    assertThat(status.path("itemId").asString()).isEqualTo(results.get(6).path("itemId").asString());
    // the pipeline files the first and calls the copy in the same batch a duplicate of it
    assertThat(intake.awaitProcessed(results.get(0)).path("state").asString()).isEqualTo("done");
    JsonNode copy = intake.awaitProcessed(results.get(2));
    assertThat(copy.path("state").asString()).isEqualTo("duplicate");
    assertThat(copy.path("messageId").asString()).isEqualTo(results.get(0).path("messageId").asString());
  }

  @Test
  void shouldTakeNdjsonWithAResultPerLine() {
    String run = Ids.newId().toString();
    String lines = intake.json(message(run + "-1", "nd1@example.com")) + "\n\n"
        + "{\"channel\":\"email\",\"sender\":\n"
        + intake.json(message(run + "-2", "nd2@example.com")) + "\n";

    ApiClient.Response response = intake.postBytes("/api/v1/messages/batch", lines.getBytes(StandardCharsets.UTF_8),
        "application/x-ndjson");

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode results = response.body().path("results");
    assertThat(results.size()).isEqualTo(3);
    assertThat(results.get(0).path("status").asString()).isEqualTo("accepted");
    assertThat(results.get(1).path("status").asString()).isEqualTo("rejected");
    assertThat(results.get(1).path("problem").path("code").asString()).isEqualTo("malformed-message");
    assertThat(results.get(2).path("status").asString()).isEqualTo("accepted");
    assertThat(logged(run + "-1")).isEqualTo(1);
    assertThat(logged(run + "-2")).isEqualTo(1);

    // a NUL in any line refuses the whole body, as in JSON (PostgreSQL could not store it)
    String withNul = intake.json(message(run + "-3", "nd3@example.com")) + "\n"
        + intake.json(message(run + "-4", "nd4@example.com")).replace("Hello", "Hel\\u0000lo") + "\n";
    ApiClient.Response refused = intake.postBytes("/api/v1/messages/batch", withNul.getBytes(StandardCharsets.UTF_8),
        "application/x-ndjson");
    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(refused.body().path("code").asString()).isEqualTo("invalid-text");
    assertThat(logged(run + "-3") + logged(run + "-4")).isZero();
  }

  @Test
  void shouldRefuseAWholeBatchOverTheLimitOrNotAnArrayAndStoreNothing() {
    String run = Ids.newId().toString();
    List<Object> tooMany = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      tooMany.add(message(run + "-" + i, "many" + i + "@example.com"));
    }

    ApiClient.Response refused = intake.post("/api/v1/messages/batch", intake.json(tooMany));

    assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("code").asString()).isEqualTo("batch-too-large");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE external_id LIKE :prefix")
        .param("prefix", run + "-%").query(Long.class).single()).isZero();

    ApiClient.Response object = intake.post("/api/v1/messages/batch",
        intake.json(message(run + "-x", "x@example.com")));
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.body().path("code").asString()).isEqualTo("malformed-request");
    ApiClient.Response broken = intake.post("/api/v1/messages/batch",
        "[" + intake.json(message(run + "-y", "y@example.com")) + ", {\"channel\": ");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(logged(run + "-x") + logged(run + "-y")).isZero();
  }

  @Test
  void shouldAskForATokenWithTheIntakeScope() {
    String run = Ids.newId().toString();
    String batch = intake.json(List.of(message(run + "-1", "scope@example.com")));
    ApiClient reader = new ApiClient(port, tokens.issue(new ApiTokenRequest("reader-" + Ids.newId(), Role.AGENT,
        Set.of(ApiScope.READ), null, null), null, null).secret());

    assertThat(new ApiClient(port, null).post("/api/v1/messages/batch", batch).status()).isEqualTo(401);
    ApiClient.Response forbidden = reader.post("/api/v1/messages/batch", batch);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(logged(run + "-1")).isZero();
    assertThat(intake.post("/api/v1/messages/batch", batch).status()).isEqualTo(200);
    assertThat(logged(run + "-1")).isEqualTo(1);
  }

  @Test
  void shouldGiveConcurrentCopiesOfOneExternalIdOneMessageAndOneFirst() throws Exception {
    String externalId = "same-" + Ids.newId();
    String single = intake.json(message(externalId, "race@example.com"));
    String batch = intake.json(List.of(message(externalId, "race@example.com")));
    List<Callable<Map.Entry<String, Boolean>>> posts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      boolean asBatch = i % 3 == 0;
      posts.add(() -> {
        ApiClient.Response r = asBatch ? intake.post("/api/v1/messages/batch", batch)
            : intake.post("/api/v1/messages", single);
        assertThat(r.status()).as(r.raw()).isIn(200, 202);
        JsonNode answer = asBatch ? r.body().path("results").get(0) : r.body();
        boolean first = asBatch ? answer.path("status").asString().equals("accepted")
            : !answer.path("redelivery").asBoolean();
        return Map.entry(answer.path("messageId").asString(), first);
      });
    }
    List<Map.Entry<String, Boolean>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
      for (Future<Map.Entry<String, Boolean>> f : pool.invokeAll(posts)) {
        answers.add(f.get());
      }
    }

    assertThat(answers.stream().map(Map.Entry::getKey).distinct()).hasSize(1);
    assertThat(answers.stream().filter(Map.Entry::getValue)).hasSize(1);
    assertThat(logged(externalId)).isEqualTo(24);
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM intake_item WHERE external_id = :id")
        .param("id", externalId).query(Long.class).single()).isEqualTo(1);
  }

  private long logged(String externalId) {
    return jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE external_id = :id").param("id", externalId)
        .query(Long.class).single();
  }

  private static Map<String, Object> message(String externalId, String sender) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", "email");
    m.put("sender", sender.contains("@") ? sender.replace("@", "-" + UUID.randomUUID().toString().substring(0, 8)
        + "@") : sender);
    m.put("subject", "Batch " + externalId);
    m.put("text", "Hello, this is message " + externalId + ".");
    m.put("externalMessageId", externalId);
    return m;
  }
}
