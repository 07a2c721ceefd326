package dev.tact.delivery.webhook;

import dev.tact.shared.HookSignature;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real POSTs to a JDK HTTP server on 127.0.0.1. */
class WebhookClientTests {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final String SECRET = "whsec-test-1";
  static final byte[] BODY = "{\"channel\":\"sms\",\"to\":\"+15145550100\",\"text\":\"Your order shipped\"}"
      .getBytes(StandardCharsets.UTF_8);

  record Received(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst())
          .findFirst().orElse(null);
    }
  }

  HttpServer server;
  final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  final CountDownLatch releaseStalled = new CountDownLatch(1);
  // Generous timeouts, so that a busy machine cannot turn an answer into a timeout; the stall test has its own.
  final WebhookClient client = new WebhookClient(Duration.ofSeconds(30), Duration.ofSeconds(30),
      Clock.fixed(NOW, ZoneOffset.UTC));
  final WebhookClient impatient = new WebhookClient(Duration.ofSeconds(2), Duration.ofMillis(500),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", exchange -> answer(exchange, 204, Map.of(), ""));
    server.createContext("/down", exchange -> answer(exchange, 503, Map.of("Retry-After", "120"), "maintenance"));
    server.createContext("/error", exchange -> answer(exchange, 500, Map.of(), "boom"));
    server.createContext("/busy", exchange -> answer(exchange, 429, Map.of("Retry-After", "7"), ""));
    server.createContext("/bad", exchange -> answer(exchange, 400, Map.of(), "{\"error\":\"unknown channel\"}"));
    server.createContext("/gone", exchange -> answer(exchange, 410, Map.of(), ""));
    server.createContext("/moved", exchange -> answer(exchange, 301, Map.of("Location", "http://127.0.0.1/new"), ""));
    server.createContext("/stall", exchange -> {
      record(exchange);
      try {
        releaseStalled.await(30, TimeUnit.SECONDS); // held until the test ends: the client must give up first
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  @AfterEach
  void stopServer() {
    releaseStalled.countDown();
    server.stop(0);
  }

  @Test
  void shouldDeliverASignedPostThatTheReceiverCanVerify() throws Exception {
    WebhookResult result = client.post(url("/ok"), BODY, SECRET, "0193f7a2-outbox-row-1");

    assertThat(result.delivered()).isTrue();
    assertThat(result.status()).isEqualTo(204);
    Received request = received.remove();
    assertThat(request.body()).isEqualTo(BODY);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Idempotency-Key")).isEqualTo("0193f7a2-outbox-row-1");
    String signature = request.header("X-Tact-Signature");
    // recomputed here from the documented format, independently of HookSignature
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(
        ("1795428000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    assertThat(signature).isEqualTo("t=1795428000,v1=" + expected);
    assertThat(HookSignature.verify(SECRET, signature, request.body(), NOW.plusSeconds(30), Duration.ofMinutes(5)))
        .isTrue();
  }

  @Test
  void shouldRejectSignaturesOfAnotherSecretBodyOrTime() {
    String signature = HookSignature.header(SECRET, NOW, BODY);

    assertThat(HookSignature.verify("other", signature, BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HookSignature.verify(SECRET, signature, "{}".getBytes(StandardCharsets.UTF_8), NOW,
        Duration.ofMinutes(5))).isFalse();
    assertThat(HookSignature.verify(SECRET, signature, BODY, NOW.plusSeconds(600), Duration.ofMinutes(5))).isFalse();
    assertThat(HookSignature.verify(SECRET, "t=x,v1=zz", BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HookSignature.verify(SECRET, null, BODY, NOW, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void shouldGiveTheSameIdempotencyKeyToEveryAttemptOfTheSameBody() {
    client.post(url("/error"), BODY, SECRET);
    client.post(url("/ok"), BODY, SECRET);

    assertThat(received).extracting(r -> r.header("Idempotency-Key")).hasSize(2).doesNotContainNull()
        .containsOnly(received.peek().header("Idempotency-Key"));
  }

  @Test
  void shouldCallServerErrorsAndThrottlingRetryable() {
    WebhookResult down = client.post(url("/down"), BODY, SECRET);
    WebhookResult error = client.post(url("/error"), BODY, SECRET);
    WebhookResult busy = client.post(url("/busy"), BODY, SECRET);

    assertThat(down).satisfies(r -> {
      assertThat(r.delivered()).isFalse();
      assertThat(r.retryable()).isTrue();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.retryAfter()).contains(Duration.ofSeconds(120));
      assertThat(r.error()).isEqualTo("HTTP 503: maintenance");
    });
    assertThat(error.retryable()).isTrue();
    assertThat(busy.retryable()).isTrue();
    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void shouldCallClientErrorsAndRedirectsPermanent() {
    WebhookResult bad = client.post(url("/bad"), BODY, SECRET);
    WebhookResult gone = client.post(url("/gone"), BODY, SECRET);
    WebhookResult moved = client.post(url("/moved"), BODY, SECRET);
    WebhookResult ftp = client.post(URI.create("ftp://127.0.0.1/x"), BODY, SECRET);

    assertThat(bad.retryable()).isFalse();
    assertThat(bad.error()).contains("unknown channel");
    assertThat(gone.retryable()).isFalse();
    assertThat(moved.retryable()).isFalse();
    assertThat(moved.error()).contains("redirects are not followed");
    assertThat(ftp.retryable()).isFalse();
    assertThat(received).hasSize(3);
  }

  @Test
  void shouldCallTimeoutsAndRefusedConnectionsRetryable() throws IOException {
    WebhookResult stalled = impatient.post(url("/stall"), BODY, SECRET);
    HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    int deadPort = closed.getAddress().getPort();
    closed.stop(0);
    WebhookResult refused = impatient.post(URI.create("http://127.0.0.1:" + deadPort + "/x"), BODY, SECRET);

    assertThat(stalled.status()).isZero();
    assertThat(stalled.retryable()).isTrue();
    assertThat(stalled.error()).contains("500 ms");
    assertThat(refused.status()).isZero();
    assertThat(refused.retryable()).isTrue();
    assertThat(refused.error()).isNotBlank();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void record(HttpExchange exchange) throws IOException {
    received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
  }

  private void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
    record(exchange);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
