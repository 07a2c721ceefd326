package dev.tact.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the REST API of a running server with one token: JSON in, status and JSON (or raw text) out. */
public final class JsonApi {

  /** An answer: status, the body as JSON when it is JSON (else null), and as sent. */
  public record Answer(int status, JsonNode body, String raw) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  public JsonApi(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
  }

  public Answer put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(publisher(body)));
  }

  /** Posts raw bytes with their content type (an email as message/rfc822, say). */
  public Answer postBytes(String path, byte[] body, String contentType) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  /** A String is sent as it is, null as an empty body, anything else as JSON. */
  private static HttpRequest.BodyPublisher publisher(Object body) {
    return HttpRequest.BodyPublishers.ofString(body == null ? ""
        : body instanceof String text ? text : JSON.writeValueAsString(body));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      return new Answer(response.statusCode(), json && !raw.isBlank() ? JSON.readTree(raw) : null, raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
