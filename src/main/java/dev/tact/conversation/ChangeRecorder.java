package dev.tact.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a change in a conversation's history and counts its version up, in the caller's transaction. When the
 * request expects a version ({@link SeenVersion}) and the conversation has moved on, nothing is recorded and the
 * change fails with what changed since, so the caller's transaction rolls back whatever it had already written.
 * Publishes {@link ConversationChanged}.
 */
@Component
class ChangeRecorder {

  private final ConversationStore store;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ChangeRecorder(ConversationStore store, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  void record(UUID conversationId, Actor actor, String kind, String detail, Instant at) {
    Optional<SeenVersion.Expectation> expected = SeenVersion.take(conversationId);
    Long seen = expected.map(SeenVersion.Expectation::version).orElse(null);
    if (!store.countUpVersion(conversationId, seen)) {
      ConversationStore.Version now = store.version(conversationId).orElseThrow();
      throw new ConversationChangedSince(expected.orElseThrow().staleStatus(), now.number(), now.version(),
          changesSince(conversationId, seen), clock.instant());
    }
    ConversationStore.Version now = store.version(conversationId).orElseThrow();
    store.insertHistory(conversationId, actor, kind, detail, at, now.version());
    events.publishEvent(new ConversationChanged(conversationId, now.number(), now.version(), kind, actor.id(),
        actor.name(), at));
  }

  List<ConversationChange> changesSince(UUID conversationId, long version) {
    return store.historySince(conversationId, version).stream()
        .map(e -> ConversationChange.of(e.getKey(), e.getValue())).toList();
  }
}
