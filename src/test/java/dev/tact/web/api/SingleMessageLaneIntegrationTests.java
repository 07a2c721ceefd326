package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.TactTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/messages} the short way (SingleMessageLane, ADR 0053) and the long way (security chain and
 * controller) answer alike: a plain ASCII message takes the short way, the same message with a backslash-u escape
 * the long one. Refusals stay the API's, and a request handed from the short way to the long one is counted once
 * against its token's rate limit. The same context as {@link ApiTokensIntegrationTests}.
 */
@TactTest
class SingleMessageLaneIntegrationTests {

  /** Headers whose values differ from one answer to the next, and the framing (a length, or chunks). */
  private static final Set<String> VARYING = Set.of("date", "content-length", "transfer-encoding", "location",
      "keep-alive", "connection");

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Test
  void shouldAnswerAMessageTheShortWayAsTheLongWayDoes() throws Exception {
    String secret = tokens.issue(ApiTokensIntegrationTests.unique("lane"), Role.ADMIN, null).secret();

    HttpResponse<String> shortWay = post(secret, body("Where is my order?"));
    HttpResponse<String> longWay = post(secret, body("Where is my order \\u00e9?"));

    assertThat(shortWay.statusCode()).as(shortWay.body()).isEqualTo(202);
    assertThat(longWay.statusCode()).as(longWay.body()).isEqualTo(202);
    assertThat(headers(shortWay.headers())).isEqualTo(headers(longWay.headers()));
    JsonNode shortAnswer = json.readTree(shortWay.body());
    JsonNode longAnswer = json.readTree(longWay.body());
    assertThat(names(shortAnswer)).isEqualTo(names(longAnswer));
    assertThat(shortWay.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/api/v1/messages/" + shortAnswer.path("itemId").asString())
        .isEqualTo(shortAnswer.path("statusUrl").asString());
    assertThat(shortAnswer.path("redelivery").asBoolean()).isFalse();
  }

  @Test
  void shouldLeaveEveryRefusalToTheApi() throws Exception {
    String secret = tokens.issue(ApiTokensIntegrationTests.unique("lane"), Role.ADMIN, null).secret();

    HttpResponse<String> noSender = post(secret, "{\"channel\":\"email\",\"text\":\"Hello\"}");
    HttpResponse<String> notJson = post(secret, "{\"channel\":");
    HttpResponse<String> badToken = post("tact_not-a-token", body("Hello"));

    assertThat(code(noSender)).isEqualTo("422 missing-sender");
    assertThat(code(notJson)).isEqualTo("400 malformed-request");
    assertThat(code(badToken)).isEqualTo("401 unauthenticated");
    for (HttpResponse<String> refused : List.of(noSender, notJson, badToken)) {
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(refused.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }
  }

  @Test
  void shouldCountAMessageHandedToTheLongWayOnceAgainstItsTokensLimit() throws Exception {
    String secret = tokens.issue(new dev.tact.staff.ApiTokenRequest(ApiTokensIntegrationTests.unique("limited"),
        Role.AGENT, null, null, dev.tact.staff.ApiRateLimit.of(1, 2)), null, null).secret();

    // a burst of 2: the refused message is one request, so one more message passes (counted twice, it would not)
    assertThat(code(post(secret, "{\"channel\":\"email\",\"text\":\"Hello\"}"))).isEqualTo("422 missing-sender");
    HttpResponse<String> second = post(secret, body("Hello"));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);

    HttpResponse<String> refused = null;
    for (int i = 0; i < 30 && refused == null; i++) {
      HttpResponse<String> response = post(secret, body("Hello again"));
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(202);
      }
    }
    assertThat(refused).as("a message past the limit").isNotNull();
    assertThat(code(refused)).isEqualTo("429 rate-limited");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
  }

  private static String body(String text) {
    return "{\"channel\":\"email\",\"sender\":\"" + ApiTokensIntegrationTests.unique("ann") + "@example.org\","
        + "\"text\":\"" + text + "\",\"externalMessageId\":\"" + ApiTokensIntegrationTests.unique("lane") + "\"}";
  }

  private HttpResponse<String> post(String secret, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages"))
        .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String code(HttpResponse<String> response) {
    return response.statusCode() + " " + json.readTree(response.body()).path("code").asString();
  }

  private static Map<String, List<String>> headers(HttpHeaders headers) {
    return headers.map().entrySet().stream().filter(e -> !VARYING.contains(e.getKey().toLowerCase()))
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  private static Set<String> names(JsonNode node) {
    return node.propertyNames().stream().collect(Collectors.toSet());
  }
}
