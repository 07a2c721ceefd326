package dev.tact.live.web;

import dev.tact.conversation.ConversationChange;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.live.AgentStreams;
import dev.tact.live.InboxCounter;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the agents' pages read to stay live: their event stream, the navigation's counts, a conversation's changes
 * since the version a page shows (asked before a change is sent), and the "replying" signal of the reply box.
 */
@UiController
class LiveController {

  private static final Set<String> MESSAGE_KINDS = Set.of("MESSAGE_RECEIVED", "REPLIED", "NOTE_ADDED");

  private final AgentStreams streams;
  private final List<InboxCounter> counters;
  private final ConversationManagement conversations;
  private final StaffPrincipals principals;
  private final Clock clock;

  LiveController(AgentStreams streams, List<InboxCounter> counters, ConversationManagement conversations,
      StaffPrincipals principals, Clock clock) {
    this.streams = streams;
    this.counters = counters;
    this.conversations = conversations;
    this.principals = principals;
    this.clock = clock;
  }

  @GetMapping(path = "/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@RequestParam(required = false) UUID conversation, Authentication auth) {
    Agent agent = principals.requireAgent(auth);
    if (conversation != null) {
      conversations.version(conversation); // 404 for a conversation that is not there
    }
    return streams.open(agent.id(), agent.displayName(), conversation);
  }

  @GetMapping(path = "/live/counts", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Long> counts(Authentication auth) {
    UUID agentId = principals.requireAgent(auth).id();
    Map<String, Long> counts = new LinkedHashMap<>();
    counters.forEach(counter -> counts.putAll(counter.counts(agentId)));
    return counts;
  }

  @PostMapping("/live/conversations/{id}/replying")
  ResponseEntity<Void> replying(@PathVariable UUID id, Authentication auth) {
    Agent agent = principals.requireAgent(auth);
    conversations.version(id);
    streams.replying(agent.id(), agent.displayName(), id);
    return ResponseEntity.noContent().build();
  }

  /**
   * The changes after {@code since}, told as people say them ("Lena assigned this to Priya 2 min ago"), and the
   * messages among them, with the current version.
   */
  @GetMapping(path = "/live/conversations/{id}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> changes(@PathVariable UUID id, @RequestParam long since) {
    if (since < 0) {
      throw ProblemException.invalid("invalid-version", "since must be a version (0 or more).");
    }
    long version = conversations.version(id);
    List<ConversationChange> changes = conversations.changesSince(id, since);
    Instant now = clock.instant();
    Instant firstMessage = changes.stream().filter(c -> MESSAGE_KINDS.contains(c.kind()))
        .map(ConversationChange::at).min(Instant::compareTo).orElse(null);
    List<Map<String, Object>> messages = firstMessage == null ? List.of()
        : conversations.requireDetails(id).messages().stream().filter(m -> !m.createdAt().isBefore(firstMessage))
            .map(LiveController::message).toList();
    return Map.of("version", version,
        "changes", changes.stream().map(c -> Map.of("kind", c.kind(), "actor", c.actorName() == null ? ""
            : c.actorName(), "told", c.told(now))).toList(),
        "messages", messages);
  }

  private static Map<String, Object> message(Message m) {
    return Map.of("author", m.authorName() == null ? "" : m.authorName(),
        "kind", m.direction() == Direction.INBOUND ? "customer" : m.direction() == Direction.NOTE ? "note" : "reply",
        "text", m.body(), "at", m.createdAt().toString());
  }
}
