package dev.tact.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Who is on which conversation, as this node heard it from every node: each entry lasts as long as its signal
 * said, unless announced again. Nodes announce their own viewers every heartbeat, so a node that stopped without a
 * goodbye is forgotten after three.
 */
@Component
class Presence {

  /** One agent on a conversation; replying wins over viewing when an agent has both. */
  record Present(UUID agentId, String name, String state) {}

  private record Entry(UUID agentId, String name, String state, Instant until) {}

  private final Map<UUID, Map<String, Entry>> table = new ConcurrentHashMap<>();
  private final SignalBus bus;
  private final Clock clock;
  private volatile Consumer<UUID> changed = conversation -> {};

  Presence(SignalBus bus, Clock clock) {
    this.bus = bus;
    this.clock = clock;
    bus.subscribe(PresenceSignal.TOPIC, PresenceSignal.class, this::heard);
  }

  /** Who is told when a conversation's presence changed (this node's streams). */
  void onChange(Consumer<UUID> listener) {
    this.changed = listener;
  }

  void announce(UUID conversation, String key, UUID agentId, String name, String state, Duration lasting) {
    bus.publish(PresenceSignal.TOPIC, new PresenceSignal(conversation, key, agentId, name, state,
        lasting.toMillis()));
  }

  List<Present> on(UUID conversation) {
    Instant now = clock.instant();
    Map<UUID, Present> byAgent = new LinkedHashMap<>();
    table.getOrDefault(conversation, Map.of()).values().stream().filter(e -> e.until().isAfter(now))
        .sorted(Comparator.comparing(Entry::name)).forEach(e -> byAgent.merge(e.agentId(),
            new Present(e.agentId(), e.name(), e.state()),
            (a, b) -> PresenceSignal.REPLYING.equals(b.state()) ? b : a));
    return List.copyOf(byAgent.values());
  }

  /** Forgets what expired, and tells about the conversations whose presence changed by it. */
  void sweep() {
    Instant now = clock.instant();
    Set<UUID> touched = new HashSet<>();
    table.forEach((conversation, entries) -> {
      if (entries.values().removeIf(e -> !e.until().isAfter(now))) {
        touched.add(conversation);
      }
      if (entries.isEmpty()) {
        table.remove(conversation, entries);
      }
    });
    touched.forEach(changed);
  }

  private void heard(PresenceSignal signal) {
    Map<String, Entry> entries = table.computeIfAbsent(signal.conversation(), c -> new ConcurrentHashMap<>());
    List<Present> before = on(signal.conversation());
    if (PresenceSignal.GONE.equals(signal.state())) {
      entries.remove(signal.key());
    } else {
      entries.put(signal.key(), new Entry(signal.agentId(), signal.name(), signal.state(),
          clock.instant().plusMillis(signal.forMillis())));
    }
    if (!before.equals(on(signal.conversation()))) {
      changed.accept(signal.conversation());
    }
  }
}
