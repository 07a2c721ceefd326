package dev.tact.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server speaking Twilio's Messages API as Twilio documents it: {@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json} with a form body and basic authentication answers 201 with the new
 * message's JSON; {@code GET} of the same path lists the messages it holds (filtered by To and From). Each POST takes
 * the next planned {@link Answer}: a plain status, or {@code createdThen500} (Twilio took the message, but the answer
 * was lost as a 500).
 */
final class FakeTwilio implements AutoCloseable {

  enum Answer { CREATED, SERVER_ERROR, BAD_REQUEST, CREATED_THEN_500 }

  /** One POST as received. */
  record Post(String authorization, String contentType, Map<String, String> form) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  final String accountSid;
  final String authToken;
  final List<Post> posts = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> held = new CopyOnWriteArrayList<>();
  final AtomicInteger lists = new AtomicInteger();
  /** How many of the next list requests answer 503. */
  final AtomicInteger failingLists = new AtomicInteger();
  final Deque<Answer> plan = new ConcurrentLinkedDeque<>();
  private final HttpServer server;
  private final AtomicInteger sids = new AtomicInteger();

  FakeTwilio(String accountSid, String authToken) throws IOException {
    this.accountSid = accountSid;
    this.authToken = authToken;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/2010-04-01/Accounts/" + accountSid + "/Messages.json", this::messages);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void messages(HttpExchange exchange) throws IOException {
    try (exchange) {
      String expected = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
          .getBytes(StandardCharsets.UTF_8));
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!expected.equals(authorization)) {
        answer(exchange, 401, Map.of("code", 20003, "message", "Authenticate", "status", 401));
        return;
      }
      if (exchange.getRequestMethod().equals("GET")) {
        lists.incrementAndGet();
        if (failingLists.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          answer(exchange, 503, Map.of("code", 20503, "message", "Service unavailable"));
          return;
        }
        Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
        List<Map<String, String>> found = new ArrayList<>();
        for (Map<String, String> m : held) {
          if (m.get("to").equals(query.get("To")) && m.get("from").equals(query.get("From"))) {
            found.add(m);
          }
        }
        answer(exchange, 200, Map.of("messages", found, "page", 0, "page_size", 100));
        return;
      }
      Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      posts.add(new Post(authorization, exchange.getRequestHeaders().getFirst("Content-Type"), form));
      Answer next = plan.poll();
      next = next == null ? Answer.CREATED : next;
      switch (next) {
        case SERVER_ERROR -> answer(exchange, 503, Map.of("code", 20500, "message", "Service unavailable"));
        case BAD_REQUEST -> answer(exchange, 400, Map.of("code", 21211, "message", "Invalid 'To' Phone Number"));
        case CREATED, CREATED_THEN_500 -> {
          Map<String, String> message = new LinkedHashMap<>();
          message.put("sid", "SM" + String.format("%032d", sids.incrementAndGet()));
          message.put("to", form.get("To"));
          message.put("from", form.get("From"));
          message.put("body", form.get("Body"));
          message.put("status", "queued");
          message.put("date_created", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
          held.add(message);
          if (next == Answer.CREATED) {
            answer(exchange, 201, message);
          } else {
            answer(exchange, 500, Map.of("code", 20500, "message", "Internal error"));
          }
        }
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static Map<String, String> decode(String encoded) {
    Map<String, String> form = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return form;
    }
    for (String pair : encoded.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
