package dev.tact.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget's calls as a test makes them: plain HTTP against one node, with the site's Origin. */
final class VisitorClient {

  record Answer(int status, JsonNode body, HttpResponse<String> response) {}

  /** One server-sent event as received. */
  record Event(String id, String name, JsonNode data) {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String origin;

  VisitorClient(int port, String origin) {
    this.base = "http://localhost:" + port;
    this.origin = origin;
  }

  Answer post(String path, Object body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (token != null) {
      request.header("X-Chat-Token", token);
    }
    return send(request.build());
  }

  Answer get(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Accept", accept);
    if (origin != null) {
      request.header("Origin", origin);
    }
    return send(request.build());
  }

  Answer options(String path, String requestOrigin) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", requestOrigin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-chat-token").build());
  }

  Answer start(String name, String email, String text) {
    return post("/chat/api/chats", Map.of("name", name == null ? "" : name, "email", email == null ? "" : email,
        "text", text), null);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      JsonNode body = !json || response.body() == null || response.body().isBlank() ? null
          : JSON.readTree(response.body());
      return new Answer(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens the chat's event stream (with Last-Event-ID when given); events arrive in {@link Stream#events}. */
  Stream events(String chat, String token, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/chat/api/chats/" + chat
        + "/events?token=" + token)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    Stream stream = new Stream();
    stream.response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
      stream.status = r.statusCode();
      Thread.ofVirtual().start(() -> stream.read(r.body()));
      return r;
    });
    return stream;
  }

  static final class Stream implements AutoCloseable {
    final List<Event> events = new CopyOnWriteArrayList<>();
    volatile int status;
    /** The server ended the stream. */
    volatile boolean ended;
    volatile java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;
    private volatile java.util.stream.Stream<String> lines;

    void read(java.util.stream.Stream<String> body) {
      lines = body;
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      try {
        for (String line : (Iterable<String>) body::iterator) {
          if (line.isEmpty()) {
            if (!data.isEmpty()) {
              events.add(new Event(id, name == null ? "message" : name, JSON.readTree(data.toString())));
            }
            id = null;
            name = null;
            data.setLength(0);
          } else if (line.startsWith("id:")) {
            id = line.substring(3).strip();
          } else if (line.startsWith("event:")) {
            name = line.substring(6).strip();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          }
        }
        ended = true;
      } catch (RuntimeException closed) {
        // the test closed the stream
      }
    }

    List<Event> named(String name) {
      return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    @Override
    public void close() {
      if (lines != null) {
        lines.close();
      }
      response.cancel(true);
    }
  }
}
