package dev.tact.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's agents' streams (server-sent events), one per open page: every change of any conversation
 * ({@code changed}, the page decides what to read again), and on a conversation's page who else is there
 * ({@code presence}). After signals may have been missed, every page is told to read again ({@code resync}).
 * Every heartbeat each stream gets a keep-alive and this node announces its viewers again.
 */
@Component
public class AgentStreams implements SmartLifecycle {

  private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

  private final class Stream {
    final String key = "view:" + UUID.randomUUID();
    final UUID agentId;
    final String name;
    final UUID conversation;
    final SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    final ReentrantLock lock = new ReentrantLock();
    volatile boolean open = true;

    Stream(UUID agentId, String name, UUID conversation) {
      this.agentId = agentId;
      this.name = name;
      this.conversation = conversation;
    }

    void send(SseEmitter.SseEventBuilder event) {
      if (!open) {
        return;
      }
      lock.lock();
      try {
        emitter.send(event);
      } catch (IOException | IllegalStateException e) {
        open = false;
        emitter.completeWithError(e);
      } finally {
        lock.unlock();
      }
    }

    void sendPresence() {
      List<Map<String, Object>> others = presence.on(conversation).stream()
          .filter(p -> !p.agentId().equals(agentId))
          .map(p -> Map.<String, Object>of("name", p.name(), "state", p.state())).toList();
      send(SseEmitter.event().name("presence").data(json.writeValueAsString(Map.of("others", others))));
    }

    void announce(String state) {
      presence.announce(conversation, key, agentId, name, state, properties.viewing());
    }
  }

  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final Presence presence;
  private final JsonMapper json;
  private final LiveProperties properties;
  private final TaskScheduler scheduler;
  private volatile boolean running;
  private volatile List<ScheduledFuture<?>> schedules = List.of();

  AgentStreams(SignalBus bus, Presence presence, JsonMapper json, LiveProperties properties,
      TaskScheduler scheduler) {
    this.presence = presence;
    this.json = json;
    this.properties = properties;
    this.scheduler = scheduler;
    presence.onChange(this::presenceChanged);
    bus.subscribe(ConversationSignal.TOPIC, ConversationSignal.class, new SignalListener<>() {
      @Override
      public void signal(ConversationSignal signal) {
        changed(signal);
      }

      @Override
      public void missed() {
        streams.forEach(s -> s.send(SseEmitter.event().name("resync").data("{}")));
      }
    });
  }

  /** A stream for one agent's page; on a conversation's page ({@code conversation} not null) they count as there. */
  public SseEmitter open(UUID agentId, String name, UUID conversation) {
    Stream stream = new Stream(agentId, name, conversation);
    streams.add(stream);
    Runnable close = () -> close(stream);
    stream.emitter.onCompletion(close);
    stream.emitter.onTimeout(close);
    stream.emitter.onError(e -> close.run());
    stream.send(SseEmitter.event().name("hello").data("{}"));
    if (conversation != null) {
      stream.announce(PresenceSignal.VIEWING);
      stream.sendPresence();
    }
    endIfStopping(stream);
    return stream.emitter;
  }

  /**
   * A page that reconnects while this node stops gets an ended stream (its browser tries again later): a stream
   * opened after {@link #stop()} would keep the web server's graceful shutdown waiting until its timeout.
   */
  private void endIfStopping(Stream stream) {
    if (!running) {
      close(stream);
      stream.emitter.complete();
    }
  }

  /** The agent is typing a reply on this conversation. */
  public void replying(UUID agentId, String name, UUID conversation) {
    presence.announce(conversation, "reply:" + agentId, agentId, name, PresenceSignal.REPLYING,
        properties.replying());
  }

  private void close(Stream stream) {
    if (streams.remove(stream)) {
      stream.open = false;
      if (stream.conversation != null) {
        stream.announce(PresenceSignal.GONE);
      }
    }
  }

  private void changed(ConversationSignal signal) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("conversation", signal.conversation().toString());
    data.put("number", signal.number());
    data.put("version", signal.version());
    data.put("kind", signal.kind());
    data.put("actor", signal.actorName() == null ? "" : signal.actorName());
    data.put("own", false);
    String others = json.writeValueAsString(data);
    data.put("own", true);
    String own = json.writeValueAsString(data);
    for (Stream stream : streams) {
      boolean byThisAgent = signal.actorId() != null && signal.actorId().equals(stream.agentId);
      stream.send(SseEmitter.event().name("changed").data(byThisAgent ? own : others));
    }
  }

  private void presenceChanged(UUID conversation) {
    streams.stream().filter(s -> conversation.equals(s.conversation)).forEach(Stream::sendPresence);
  }

  private void heartbeat() {
    for (Stream stream : streams) {
      stream.send(SseEmitter.event().comment("keep-alive"));
      if (stream.conversation != null && stream.open) {
        stream.announce(PresenceSignal.VIEWING);
      }
    }
  }

  @Override
  public void start() {
    running = true;
    schedules = List.of(scheduler.scheduleWithFixedDelay(this::heartbeat, properties.heartbeat()),
        scheduler.scheduleWithFixedDelay(presence::sweep, Duration.ofSeconds(1)));
  }

  /** Ends this node's streams before the web server's graceful shutdown; pages reconnect and read again. */
  @Override
  public void stop() {
    running = false;
    schedules.forEach(s -> s.cancel(false));
    for (Stream stream : List.copyOf(streams)) {
      close(stream);
      stream.emitter.complete();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
