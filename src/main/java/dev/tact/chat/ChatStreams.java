package dev.tact.chat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's server-sent event streams: a chat's visitor and agent streams, and agents' waiting lists. What it
 * sends comes from the {@link ChatBus} (every node hears every signal) and, for lines, from the database: each
 * stream remembers the last line it sent and reads the lines after it, so a reconnecting client that sends
 * Last-Event-ID misses nothing and sees nothing twice.
 */
@Component
public class ChatStreams implements SmartLifecycle {

  /** Which side of a chat a stream shows it to. */
  public enum Side {
    VISITOR,
    AGENT
  }

  private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
  private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

  private final class Stream {
    final UUID chat;
    final Side side;
    final SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    final AtomicLong lastSeq;
    final ReentrantLock lock = new ReentrantLock();
    volatile boolean open = true;

    Stream(UUID chat, Side side, long after) {
      this.chat = chat;
      this.side = side;
      this.lastSeq = new AtomicLong(after);
    }

    /** Sends what {@code event} builds, under this stream's lock; a failed send closes the stream. */
    void send(java.util.function.Consumer<List<SseEmitter.SseEventBuilder>> build) {
      if (!open) {
        return;
      }
      lock.lock();
      try {
        List<SseEmitter.SseEventBuilder> events = new ArrayList<>();
        build.accept(events);
        for (SseEmitter.SseEventBuilder event : events) {
          emitter.send(event);
        }
      } catch (IOException | IllegalStateException e) {
        open = false;
        emitter.completeWithError(e);
      } finally {
        lock.unlock();
      }
    }

    void sendLines() {
      send(events -> {
        for (ChatLine line : store.linesAfter(chat, lastSeq.get())) {
          events.add(SseEmitter.event().id(Long.toString(line.seq())).name("line").data(json(lineJson(line))));
          lastSeq.set(line.seq());
        }
      });
    }
  }

  private final Map<UUID, Set<Stream>> chats = new ConcurrentHashMap<>();
  private final Set<SseEmitter> lists = ConcurrentHashMap.newKeySet();
  private final ChatStore store;
  private final Chats service;
  private final JsonMapper json;
  private final Clock clock;
  private final ChatProperties properties;
  private final TaskScheduler scheduler;
  private volatile boolean running;
  private volatile ScheduledFuture<?> heartbeats;

  ChatStreams(ChatStore store, Chats service, ChatBus bus, JsonMapper json, Clock clock, ChatProperties properties,
      TaskScheduler scheduler) {
    this.store = store;
    this.service = service;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
    this.scheduler = scheduler;
    bus.subscribe(this::on);
  }

  @Override
  public void start() {
    running = true;
    heartbeats = scheduler.scheduleWithFixedDelay(this::heartbeat, properties.heartbeat());
  }

  /**
   * Ends every stream of this node. It runs before the web server's graceful shutdown, which would otherwise wait for
   * these never-ending responses until its timeout; the widget and the agents' pages reconnect (to another node, or
   * to this one once it is back) and catch up from their Last-Event-ID.
   */
  @Override
  public void stop() {
    running = false;
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    chats.values().forEach(streams -> streams.forEach(stream -> {
      stream.open = false;
      stream.emitter.complete();
    }));
    lists.forEach(SseEmitter::complete);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** A visitor's stream (the caller checked the token): lines after {@code after}, then whatever happens. */
  public SseEmitter visitor(UUID chatId, long after) {
    return open(chatId, Side.VISITOR, after, null);
  }

  /** An agent's stream of one chat. */
  public SseEmitter agent(UUID chatId, long after, String agentName) {
    return open(chatId, Side.AGENT, after, agentName);
  }

  /** An agent's waiting list: the whole list now, and again whenever it changes. */
  public SseEmitter waitingList() {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    lists.add(emitter);
    Runnable remove = () -> lists.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      emitter.send(SseEmitter.event().name("waiting").data(json(waitingJson())));
    } catch (IOException e) {
      remove.run();
    }
    endIfStopping(emitter);
    return emitter;
  }

  private SseEmitter open(UUID chatId, Side side, long after, String name) {
    Stream stream = new Stream(chatId, side, Math.max(0, after));
    chats.computeIfAbsent(chatId, id -> ConcurrentHashMap.newKeySet()).add(stream);
    Runnable close = () -> close(stream, name);
    stream.emitter.onCompletion(close);
    stream.emitter.onTimeout(close);
    stream.emitter.onError(e -> close.run());
    if (side == Side.VISITOR) {
      service.visitorConnected(chatId);
    } else {
      service.seen(chatId, false);
    }
    service.publishPresence(chatId, side, name, true);
    ChatSession chat = store.find(chatId).orElseThrow();
    stream.send(events -> {
      events.add(SseEmitter.event().name("state").data(json(stateJson(chat))));
      events.add(SseEmitter.event().name("presence").data(json(presenceJson(chat))));
    });
    stream.sendLines();
    endIfStopping(stream.emitter);
    return stream.emitter;
  }

  /**
   * A stream opened while this node stops is ended at once (the widget or page tries again later): it would keep the
   * web server's graceful shutdown waiting until its timeout. Checked after the stream is registered, so a stream
   * {@link #stop()} did not see is ended here.
   */
  private void endIfStopping(SseEmitter emitter) {
    if (!running) {
      emitter.complete();
    }
  }

  private void close(Stream stream, String name) {
    if (!stream.open && !chats.getOrDefault(stream.chat, Set.of()).contains(stream)) {
      return;
    }
    stream.open = false;
    Set<Stream> set = chats.get(stream.chat);
    if (set != null) {
      set.remove(stream);
      if (set.isEmpty()) {
        chats.remove(stream.chat, set);
      }
    }
    boolean sameSideLeft = chats.getOrDefault(stream.chat, Set.of()).stream().anyMatch(s -> s.side == stream.side);
    if (!sameSideLeft) {
      try {
        service.publishPresence(stream.chat, stream.side, name, false);
        if (stream.side == Side.VISITOR) {
          service.visitorDisconnected(stream.chat);
        }
      } catch (RuntimeException e) {
        log.debug("Could not record that a chat stream closed: {}", e.toString());
      }
    }
  }

  private void on(ChatSignal signal) {
    if (ChatBus.RESYNC.equals(signal.kind())) {
      // signals were missed while the bus reconnected: every stream catches up from the database
      for (Map.Entry<UUID, Set<Stream>> entry : chats.entrySet()) {
        store.find(entry.getKey()).ifPresent(chat -> entry.getValue().forEach(s -> s.send(events -> {
          events.add(SseEmitter.event().name("state").data(json(stateJson(chat))));
          events.add(SseEmitter.event().name("presence").data(json(presenceJson(chat))));
        })));
        entry.getValue().forEach(Stream::sendLines);
      }
      refreshLists();
      return;
    }
    Set<Stream> streams = signal.chat() == null ? Set.of() : chats.getOrDefault(signal.chat(), Set.of());
    switch (signal.kind()) {
      case ChatSignal.LINE -> streams.forEach(Stream::sendLines);
      case ChatSignal.TYPING -> {
        String typing = json(Map.of("side", signal.side() == null ? "" : signal.side(),
            "name", signal.name() == null ? "" : signal.name()));
        streams.stream().filter(s -> !s.side.name().equalsIgnoreCase(signal.side()))
            .forEach(s -> s.send(events -> events.add(SseEmitter.event().name("typing").data(typing))));
      }
      case ChatSignal.PRESENCE -> {
        if (!streams.isEmpty()) {
          ChatSession chat = store.find(signal.chat()).orElse(null);
          if (chat != null) {
            Map<String, Object> presence = presenceJson(chat);
            presence.put(signal.side(), signal.online());
            streams.forEach(s -> s.send(events -> events.add(SseEmitter.event().name("presence")
                .data(json(presence)))));
          }
        }
      }
      case ChatSignal.STATE, ChatSignal.FILED -> {
        if (!streams.isEmpty()) {
          ChatSession chat = store.find(signal.chat()).orElse(null);
          if (chat != null) {
            streams.forEach(s -> s.send(events -> events.add(SseEmitter.event().name("state")
                .data(json(stateJson(chat))))));
          }
        }
        refreshLists();
      }
      default -> {
      }
    }
  }

  /**
   * Sends the waiting list to every agent's list stream. Changes that come while a refresh runs are coalesced into
   * one more refresh, so a burst of new chats costs a few reads, not one per chat per stream.
   */
  private void refreshLists() {
    if (lists.isEmpty()) {
      return;
    }
    refreshWanted.set(true);
    while (refreshWanted.get() && refreshing.compareAndSet(false, true)) {
      try {
        refreshWanted.set(false);
        sendLists();
      } finally {
        refreshing.set(false);
      }
    }
  }

  private final java.util.concurrent.atomic.AtomicBoolean refreshWanted = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

  private void sendLists() {
    String waiting = json(waitingJson());
    for (SseEmitter emitter : List.copyOf(lists)) {
      try {
        synchronized (emitter) {
          emitter.send(SseEmitter.event().name("waiting").data(waiting));
        }
      } catch (IOException | IllegalStateException e) {
        lists.remove(emitter);
      }
    }
  }

  /** Keeps streams open through proxies and records who is still there (presence across nodes). */
  void heartbeat() {
    for (Map.Entry<UUID, Set<Stream>> entry : chats.entrySet()) {
      boolean visitor = false;
      boolean agent = false;
      for (Stream stream : entry.getValue()) {
        stream.send(events -> events.add(SseEmitter.event().comment("keep-alive")));
        visitor |= stream.open && stream.side == Side.VISITOR;
        agent |= stream.open && stream.side == Side.AGENT;
      }
      try {
        if (visitor) {
          service.seen(entry.getKey(), true);
        }
        if (agent) {
          service.seen(entry.getKey(), false);
        }
      } catch (RuntimeException e) {
        log.debug("Could not record chat presence: {}", e.toString());
      }
    }
    for (SseEmitter emitter : List.copyOf(lists)) {
      try {
        synchronized (emitter) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
        }
      } catch (IOException | IllegalStateException e) {
        lists.remove(emitter);
      }
    }
  }

  private List<Map<String, Object>> waitingJson() {
    List<ChatSession> waiting = store.waiting(Chats.WAITING_SHOWN);
    Map<UUID, String> first = store.firstLines(waiting.stream().map(ChatSession::id).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ChatSession chat : waiting) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", chat.id().toString());
      row.put("visitor", chat.visitorLabel());
      row.put("startedAt", chat.startedAt().toString());
      String text = first.getOrDefault(chat.id(), "");
      row.put("text", text.length() > 200 ? text.substring(0, 199) + "…" : text);
      row.put("filed", chat.conversationId() != null);
      rows.add(row);
    }
    return rows;
  }

  private Map<String, Object> presenceJson(ChatSession chat) {
    Instant since = clock.instant().minus(properties.heartbeat().multipliedBy(3));
    Map<String, Object> presence = new LinkedHashMap<>();
    presence.put("visitor", chat.visitorSeenAt() != null && chat.visitorSeenAt().isAfter(since));
    presence.put("agent", chat.state() == ChatSession.State.ACTIVE && chat.agentSeenAt() != null
        && chat.agentSeenAt().isAfter(since));
    presence.put("agentName", chat.agentName() == null ? "" : chat.agentName());
    return presence;
  }

  static Map<String, Object> stateJson(ChatSession chat) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("state", chat.state().name().toLowerCase(java.util.Locale.ROOT));
    state.put("reason", chat.endReason() == null ? "" : chat.endReason().toLowerCase(java.util.Locale.ROOT));
    state.put("agentName", chat.agentName() == null ? "" : chat.agentName());
    state.put("filed", chat.conversationId() != null);
    return state;
  }

  static Map<String, Object> lineJson(ChatLine line) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("seq", line.seq());
    map.put("kind", line.kind().name().toLowerCase(java.util.Locale.ROOT));
    map.put("author", line.author() == null ? "" : line.author());
    map.put("text", line.text());
    map.put("at", line.at().toString());
    return map;
  }

  private String json(Object value) {
    return json.writeValueAsString(value);
  }
}
