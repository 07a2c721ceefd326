package dev.tact.delivery.webhook;

import dev.tact.delivery.SendAttempt;
import dev.tact.shared.HookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends signed JSON POSTs to adapters (SMS, social channels). One call = one attempt; the outbox
 * decides with {@link WebhookRetryPolicy} whether and when to try again. Thread-safe.
 */
public class WebhookClient {

  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final int ERROR_BODY_LIMIT = 300;

  private final HttpClient http;
  private final Duration requestTimeout;
  private final Clock clock;

  public WebhookClient(Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  /** One attempt, with an idempotency key made from the body (the same body always gets the same key). */
  public WebhookResult post(URI endpoint, byte[] jsonBody, String secret) {
    return post(endpoint, jsonBody, secret, sha256Hex(jsonBody).substring(0, 32));
  }

  /**
   * One attempt. Pass the outbox row's idempotency key as {@code deliveryId}: every retry of the same
   * message carries it, so the adapter can drop repeats.
   */
  public WebhookResult post(URI endpoint, byte[] jsonBody, String secret, String deliveryId) {
    if (endpoint == null || !("https".equalsIgnoreCase(endpoint.getScheme())
        || "http".equalsIgnoreCase(endpoint.getScheme())) || endpoint.getHost() == null) {
      return WebhookResult.failed(0, false, Optional.empty(), "Not an http(s) address: " + endpoint);
    }
    Instant now = clock.instant();
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Tact-Webhook/1")
        .header(IDEMPOTENCY_HEADER, deliveryId)
        .header(HookSignature.HEADER, HookSignature.header(secret, now, jsonBody))
        .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody))
        .build();
    // the whole attempt, reading the start of the answer included, is bounded: a receiver that
    // sends its headers and then stalls must not hold a dispatcher thread
    CompletableFuture<WebhookResult> attempt = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenApply(response -> classify(response.statusCode(), response.headers().firstValue("Retry-After"),
            response.headers().firstValue("Location"), excerpt(response.body())));
    try {
      return attempt.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      attempt.cancel(true);
      return WebhookResult.failed(0, true, Optional.empty(), "No complete answer within " + requestTimeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        return WebhookResult.failed(0, true, Optional.empty(), "No answer within " + requestTimeout.toMillis() + " ms");
      }
      return WebhookResult.failed(0, true, Optional.empty(), "Network error: " + cause);
    } catch (InterruptedException e) {
      attempt.cancel(true);
      Thread.currentThread().interrupt();
      return WebhookResult.failed(0, true, Optional.empty(), "Interrupted before the answer came");
    }
  }

  static WebhookResult classify(int status, Optional<String> retryAfter, Optional<String> location, String body) {
    if (status >= 200 && status < 300) {
      return WebhookResult.delivered(status);
    }
    String error = "HTTP " + status + (body.isBlank() ? "" : ": " + body);
    if (status >= 300 && status < 400) {
      return WebhookResult.failed(status, false, Optional.empty(),
          "HTTP " + status + ": redirects are not followed (to " + location.orElse("?") + "); fix the endpoint");
    }
    boolean retryable = status >= 500 || status == 408 || status == 425 || status == 429;
    return WebhookResult.failed(status, retryable, retryable ? retryAfter.flatMap(SendAttempt::retryAfter)
        : Optional.empty(), error);
  }

  private static String excerpt(InputStream body) {
    try (body) {
      byte[] start = body.readNBytes(ERROR_BODY_LIMIT);
      return new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
