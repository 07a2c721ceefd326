package dev.tact.chat.web;

import dev.tact.chat.ChatLine;
import dev.tact.chat.ChatProperties;
import dev.tact.chat.ChatSession;
import dev.tact.chat.ChatStreams;
import dev.tact.chat.Chats;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.shared.web.ProblemDetails;
import dev.tact.shared.web.VisitorRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the widget calls, public: {@code /chat/api/**}. A visitor's token (from starting the chat) is the only
 * permission, sent as {@code X-Chat-Token} (or {@code token} on the event stream, which EventSource cannot give
 * headers). Each address is limited ({@link VisitorRateLimiter}): over the limit, 429 with Retry-After.
 */
@ApiController
class VisitorChatController {

  record StartRequest(String name, String email, String text) {}

  record LineRequest(String text) {}

  /** Over a per-address limit: 429, with the seconds to wait. */
  static final class Limited extends RuntimeException {
    final long seconds;

    Limited(long seconds) {
      super(null, null, false, false);
      this.seconds = seconds;
    }
  }

  private final Chats chats;
  private final ChatStreams streams;
  private final VisitorRateLimiter starts;
  private final VisitorRateLimiter lines;

  VisitorChatController(Chats chats, ChatStreams streams, ChatProperties properties) {
    this.chats = chats;
    this.streams = streams;
    this.starts = new VisitorRateLimiter(properties.startBurst(), properties.startsPerMinute(), 100_000);
    this.lines = new VisitorRateLimiter(properties.lineBurst(), properties.linesPerMinute(), 100_000);
  }

  @GetMapping("/chat/api/status")
  Map<String, Object> status(HttpServletRequest request) {
    limit(lines, request);
    if (!chats.enabled()) {
      throw new ProblemException(404, "chat-disabled", "Chat is off", "The chat widget is not enabled here.");
    }
    Chats.Availability availability = chats.availability();
    return Map.of("live", availability.live(), "text", availability.text());
  }

  /** Starts a chat with its first line: the one call a load test needs (start a chat and send a line). */
  @PostMapping(path = "/chat/api/chats", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> start(@RequestBody StartRequest body,
      @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin, HttpServletRequest request) {
    limit(starts, request);
    if (body == null) {
      throw ProblemException.invalid("empty-request", "Send name, email and text.");
    }
    Chats.Started started = chats.start(body.name(), body.email(), body.text(), origin);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("chat", started.chat().id().toString());
    answer.put("token", started.token());
    answer.put("seq", started.line().seq());
    answer.put("state", started.chat().state().name().toLowerCase(java.util.Locale.ROOT));
    answer.put("events", "/chat/api/chats/" + started.chat().id() + "/events");
    answer.put("itemId", started.itemId().toString()); // the first line in intake's log (GET /api/v1/messages/{id})
    return ResponseEntity.status(201).body(answer);
  }

  @PostMapping(path = "/chat/api/chats/{id}/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> line(@PathVariable UUID id, @RequestBody LineRequest body,
      @RequestHeader(name = "X-Chat-Token", required = false) String token, HttpServletRequest request) {
    limit(lines, request);
    ChatLine line = chats.visitorSays(id, token, body == null ? null : body.text());
    return ResponseEntity.status(201).body(Map.of("seq", line.seq()));
  }

  @PostMapping("/chat/api/chats/{id}/typing")
  ResponseEntity<Void> typing(@PathVariable UUID id, @RequestHeader(name = "X-Chat-Token", required = false) String token,
      HttpServletRequest request) {
    limit(lines, request);
    chats.visitorTyping(id, token);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/chat/api/chats/{id}/leave")
  ResponseEntity<Void> leave(@PathVariable UUID id, @RequestHeader(name = "X-Chat-Token", required = false) String token,
      HttpServletRequest request) {
    limit(lines, request);
    chats.visitorLeaves(id, token);
    return ResponseEntity.noContent().build();
  }

  /** The visitor's live stream: lines after Last-Event-ID (or {@code after}), typing, presence and state. */
  @GetMapping(path = "/chat/api/chats/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@PathVariable UUID id, @RequestParam(required = false) String token,
      @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request) {
    limit(lines, request);
    ChatSession chat = chats.requireVisitor(id, token);
    return streams.visitor(chat.id(), lastSeq(lastEventId, after));
  }

  static long lastSeq(String lastEventId, long after) {
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        return Math.max(0, Long.parseLong(lastEventId.strip()));
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("invalid-last-event-id", "Last-Event-ID is a line number.");
      }
    }
    return Math.max(0, after);
  }

  private static void limit(VisitorRateLimiter limiter, HttpServletRequest request) {
    long wait = limiter.secondsToWait(request.getRemoteAddr());
    if (wait > 0) {
      throw new Limited(wait);
    }
  }

  @ExceptionHandler(Limited.class)
  ResponseEntity<ProblemDetail> limited(Limited e) {
    return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetails.of(429, "too-many-requests", "Too many requests",
            "Too many requests from your address; try again in " + e.seconds + " s."));
  }
}
