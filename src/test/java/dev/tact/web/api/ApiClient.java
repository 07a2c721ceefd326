package dev.tact.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: real requests to the running server, JSON answers. */
final class ApiClient {

  record Response(int status, String contentType, JsonNode body, String raw) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String base;
  private final String token;

  ApiClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  ApiClient withToken(String other) {
    return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, String body) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts raw bytes with the given content type (e.g. an email as message/rfc822). */
  Response postBytes(String path, byte[] body, String contentType) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A GET whose body is kept as bytes, with every response header. */
  HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response put(String path, String body) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A PUT with one more header (If-Match, say). */
  Response put(String path, String body, String header, String value) {
    return send(request(path).header("Content-Type", "application/json").header(header, value)
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response patch(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** Posts a message as JSON and returns the 202 acknowledgement. */
  JsonNode acceptMessage(java.util.Map<String, ?> message) {
    Response response = post("/api/v1/messages", json(message));
    org.assertj.core.api.Assertions.assertThat(response.status()).as(response.raw()).isEqualTo(202);
    return response.body();
  }

  /** Waits (at most 20 s) until the pipeline has dealt with an accepted item, and returns its status. */
  JsonNode awaitProcessed(JsonNode ack) {
    String path = "/api/v1/messages/" + ack.path("itemId").asString();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !get(path).body().path("state").asString().equals("pending"));
    return get(path).body();
  }

  String json(Object value) {
    return json.writeValueAsString(value);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = raw == null || raw.isBlank() || !contentType.contains("json") ? null : json.readTree(raw);
      return new Response(response.statusCode(), contentType, body, raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
