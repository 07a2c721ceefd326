package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.TactTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * API tokens over real HTTP: scopes checked by method and path (403 naming the missing scope), expiry and
 * revocation (401), the per-token rate limit (429 with Retry-After), and who created and revoked them. The same
 * context as {@link ApiOnH2IntegrationTests}.
 */
@TactTest
class ApiTokensIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  ApiClient admin;
  String adminName;

  @BeforeEach
  void adminToken() {
    adminName = unique("token-admin");
    admin = new ApiClient(port, tokens.issue(adminName, Role.ADMIN, null).secret());
  }

  @Test
  void shouldLetAnIntakeTokenSubmitAndReadOnlyWhatItSubmittedWhenThatIsItsOnlyScope() {
    ApiClient intake = client(create(Map.of("name", unique("intake"), "role", "agent", "scopes", List.of("intake"))));

    JsonNode own = intake.acceptMessage(message());
    ApiClient.Response mail = intake.postBytes("/api/v1/mail", ("From: " + unique("m") + "@example.org\r\n"
        + "Subject: Hello\r\n\r\nA question.\r\n").getBytes(), "message/rfc822");
    assertThat(mail.status()).as(mail.raw()).isEqualTo(202);
    assertThat(intake.get(statusUrl(own)).status()).isEqualTo(200);
    assertThat(intake.get(mail.body().path("statusUrl").asString()).status()).isEqualTo(200);

    JsonNode someoneElses = admin.acceptMessage(message());
    ApiClient.Response foreign = intake.get(statusUrl(someoneElses));
    assertThat(foreign.status()).as("another token's item is as good as absent").isEqualTo(404);
    assertThat(admin.get(statusUrl(own)).status()).isEqualTo(200);

    ApiClient.Response list = intake.get("/api/v1/conversations");
    assertThat(list.status()).isEqualTo(403);
    assertThat(list.contentType()).startsWith("application/problem+json");
    assertThat(list.body().path("code").asString()).isEqualTo("insufficient-scope");
    assertThat(list.body().path("detail").asString()).contains("'read'");
  }

  @Test
  void shouldAllowReadsButNoChangesWithTheReadScopeAndChangesWithTheWriteScope() {
    JsonNode ack = admin.acceptMessage(message());
    JsonNode item = admin.awaitProcessed(ack);
    String conversation = "/api/v1/conversations/" + item.path("conversationId").asString();
    ApiClient reader = client(create(Map.of("name", unique("reader"), "role", "lead", "scopes", List.of("read"))));
    ApiClient writer = client(create(Map.of("name", unique("writer"), "role", "agent", "scopes", List.of("write"))));

    assertThat(reader.get(conversation).status()).isEqualTo(200);
    assertThat(reader.get(statusUrl(ack)).status()).as("read sees every item's status").isEqualTo(200);
    ApiClient.Response change = reader.put(conversation + "/priority", "{\"priority\":\"high\"}");
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.body().path("detail").asString()).contains("'write'");
    ApiClient.Response submit = reader.post("/api/v1/messages", reader.json(message()));
    assertThat(submit.status()).isEqualTo(403);
    assertThat(submit.body().path("detail").asString()).contains("'intake'");

    assertThat(writer.get(conversation).status()).as("write includes read").isEqualTo(200);
    ApiClient.Response changed = writer.put(conversation + "/priority", "{\"priority\":\"high\"}");
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
  }

  @Test
  void shouldKeepTheAdminApiFromTokensWithoutTheAdminScopeAndTheAdminScopeFromOtherRoles() {
    ApiClient adminRoleNoScope = client(create(Map.of("name", unique("ops"), "role", "admin",
        "scopes", List.of("read", "write"))));
    ApiClient.Response refused = adminRoleNoScope.get("/api/v1/admin/tokens");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().path("code").asString()).isEqualTo("insufficient-scope");
    assertThat(refused.body().path("detail").asString()).contains("'admin'");

    ApiClient agentRole = client(create(Map.of("name", unique("agent"), "role", "agent")));
    ApiClient.Response byRole = agentRole.get("/api/v1/admin/tokens");
    assertThat(byRole.status()).isEqualTo(403);
    assertThat(byRole.body().path("code").asString()).isEqualTo("forbidden");

    int before = admin.get("/api/v1/admin/tokens").body().size();
    assertThat(problem(admin.post("/api/v1/admin/tokens", admin.json(Map.of("name", "x", "role", "agent",
        "scopes", List.of("admin")))))).isEqualTo("422 scope-needs-admin-role");
    assertThat(problem(admin.post("/api/v1/admin/tokens", admin.json(Map.of("name", "x", "scopes",
        List.of("everything")))))).isEqualTo("422 unknown-scope");
    assertThat(problem(admin.post("/api/v1/admin/tokens", admin.json(Map.of("name", "x", "scopes", List.of())))))
        .isEqualTo("422 missing-scope");
    assertThat(problem(admin.post("/api/v1/admin/tokens", admin.json(Map.of("name", "x",
        "expiresAt", Instant.now().minusSeconds(60).toString()))))).isEqualTo("422 invalid-expiry");
    assertThat(problem(admin.post("/api/v1/admin/tokens", admin.json(Map.of("name", "x",
        "rateLimit", Map.of("perSecond", 0)))))).isEqualTo("422 invalid-rate-limit");
    assertThat(admin.get("/api/v1/admin/tokens").body().size()).as("nothing created").isEqualTo(before);
  }

  @Test
  void shouldGiveATokenWithoutScopesEverythingItsRoleImpliesAndTheDefaultLimit() {
    JsonNode issued = create(Map.of("name", unique("plain"), "role", "admin"));

    JsonNode token = issued.path("token");
    assertThat(token.path("scopes").toString()).isEqualTo("[\"intake\",\"read\",\"write\",\"admin\"]");
    assertThat(token.path("rateLimit").isNull()).isTrue();
    assertThat(token.path("effectiveRateLimit").path("perSecond").asInt()).isEqualTo(100);
    assertThat(token.path("effectiveRateLimit").path("burst").asInt()).isEqualTo(200);
    assertThat(token.path("createdBy").asString()).isEqualTo("integration " + adminName);
    assertThat(client(issued).get("/api/v1/admin/tokens").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseExpiredAndRevokedTokensAsUnauthenticatedAndShowWhoRevokedThem() {
    JsonNode expiring = create(Map.of("name", unique("expiring"), "role", "agent",
        "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
    ApiClient soon = client(expiring);
    assertThat(soon.get("/api/v1/conversations").status()).isEqualTo(200);
    String id = expiring.path("token").path("id").asString();
    jdbc.sql("UPDATE staff_api_token SET expires_at = :past WHERE id = :id")
        .param("past", Instant.now().minusSeconds(1).atOffset(java.time.ZoneOffset.UTC))
        .param("id", UUID.fromString(id)).update();

    // changed in the database behind Tact's back: the token cache notices within ApiTokens.CACHE_TTL (5 s)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> soon.get("/api/v1/conversations").status() == 401);
    ApiClient.Response expired = soon.get("/api/v1/conversations");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.body().path("code").asString()).isEqualTo("unauthenticated");
    assertThat(admin.get("/api/v1/admin/tokens/" + id).body().path("state").asString()).isEqualTo("EXPIRED");

    JsonNode doomed = create(Map.of("name", unique("doomed"), "role", "agent"));
    String doomedId = doomed.path("token").path("id").asString();
    ApiClient.Response revoked = admin.delete("/api/v1/admin/tokens/" + doomedId);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().path("state").asString()).isEqualTo("REVOKED");
    assertThat(revoked.body().path("revokedBy").asString()).isEqualTo("integration " + adminName);
    assertThat(revoked.body().path("revokedAt").asString()).isNotBlank();
    assertThat(client(doomed).get("/api/v1/conversations").status()).isEqualTo(401);

    JsonNode created = audit("token.created", doomedId);
    assertThat(created.path("actorKind").asString()).isEqualTo("TOKEN");
    assertThat(created.path("actor").asString()).isEqualTo(adminName);
    assertThat(created.path("after").path("name").asString()).isEqualTo(doomed.path("token").path("name").asString());
    assertThat(created.toString()).doesNotContain(doomed.path("secret").asString());
    JsonNode revocation = audit("token.revoked", doomedId);
    assertThat(revocation.path("before").path("state").asString()).isEqualTo("ACTIVE");
    assertThat(revocation.path("after").path("state").asString()).isEqualTo("REVOKED");
  }

  @Test
  void shouldAnswer429WithRetryAfterPastATokensLimitAndNeverForAnUnlimitedOne() {
    JsonNode limited = create(Map.of("name", unique("limited"), "role", "agent",
        "rateLimit", Map.of("perSecond", 1, "burst", 2)));
    ApiClient client = client(limited);

    // 2 at once and 1 a second: 30 requests pass only if they take half a minute
    HttpResponse<byte[]> refused = null;
    for (int i = 0; i < 30 && refused == null; i++) {
      HttpResponse<byte[]> response = client.getBytes("/api/v1/conversations");
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
      }
    }
    assertThat(refused).as("a request past the limit").isNotNull();
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(new String(refused.body())).contains("\"code\":\"rate-limited\"");

    String id = limited.path("token").path("id").asString();
    ApiClient.Response unlimited = admin.put("/api/v1/admin/tokens/" + id + "/rate-limit", "{\"unlimited\":true}");
    assertThat(unlimited.status()).as(unlimited.raw()).isEqualTo(200);
    assertThat(unlimited.body().path("rateLimit").path("unlimited").asBoolean()).isTrue();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      statuses.add(client.getBytes("/api/v1/conversations").statusCode());
    }
    assertThat(statuses).containsOnly(200);
    assertThat(audit("token.rate-limit-changed", id).path("after").path("unlimited").asBoolean()).isTrue();
  }

  JsonNode create(Map<String, ?> request) {
    ApiClient.Response response = admin.post("/api/v1/admin/tokens", admin.json(request));
    assertThat(response.status()).as(response.raw()).isEqualTo(201);
    return response.body();
  }

  ApiClient client(JsonNode issued) {
    return new ApiClient(port, issued.path("secret").asString());
  }

  JsonNode audit(String action, String target) {
    JsonNode page = admin.get("/api/v1/admin/audit?action=" + action + "&target=" + target).body();
    assertThat(page.path("items")).as(action + " of " + target).hasSize(1);
    return page.path("items").get(0);
  }

  static String problem(ApiClient.Response response) {
    return response.status() + " " + (response.body() == null ? response.raw() : response.body().path("code").asString());
  }

  static String statusUrl(JsonNode ack) {
    return ack.path("statusUrl").asString();
  }

  static Map<String, String> message() {
    Map<String, String> message = new HashMap<>();
    message.put("channel", "email");
    message.put("sender", unique("ann") + "@example.org");
    message.put("subject", "Scopes");
    message.put("text", "Which scopes do I need?");
    message.put("externalMessageId", unique("scope"));
    return message;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
