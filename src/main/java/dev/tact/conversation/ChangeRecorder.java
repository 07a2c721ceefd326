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
    record(conversationId, actor, kind, detail, at, null, false);
  }

  /**
   * As {@link #record}, and marks the conversation updated at {@code at} (and its last message then, when {@code
   * messageArrived}) with the same statement that counts its version up.
   */
  void recordTouching(UUID conversationId, Actor actor, String kind, String detail, Instant at,
      boolean messageArrived) {
    record(conversationId, actor, kind, detail, at, at, messageArrived);
  }

  /**
   * Records the opening of a conversation this transaction just inserted at version 1 ({@link
   * ConversationStore#insertConversation}): nothing else can have changed it, so its version is not counted up again
   * nor read back; no request can expect a version of it.
   */
  void recordOpening(UUID conversationId, long number, Actor actor, String detail, Instant at) {
    store.insertHistory(conversationId, actor, "OPENED", detail, at, 1);
    events.publishEvent(new ConversationChanged(conversationId, number, 1, "OPENED", actor.id(), actor.name(), at));
  }

  private void record(UUID conversationId, Actor actor, String kind, String detail, Instant at, Instant touchedAt,
      boolean messageArrived) {
    Optional<SeenVersion.Expectation> expected = SeenVersion.take(conversationId);
    Long seen = expected.map(SeenVersion.Expectation::version).orElse(null);
    Optional<ConversationStore.Version> made = store.countUpVersion(conversationId, seen, touchedAt, messageArrived);
    if (made.isEmpty()) {
      ConversationStore.Version now = store.version(conversationId).orElseThrow();
      throw new ConversationChangedSince(expected.orElseThrow().staleStatus(), now.number(), now.version(),
          changesSince(conversationId, seen), clock.instant());
    }
    ConversationStore.Version now = made.get();
    store.insertHistory(conversationId, actor, kind, detail, at, now.version());
    events.publishEvent(new ConversationChanged(conversationId, now.number(), now.version(), kind, actor.id(),
        actor.name(), at));
  }

  List<ConversationChange> changesSince(UUID conversationId, long version) {
    return store.historySince(conversationId, version).stream()
        .map(e -> ConversationChange.of(e.getKey(), e.getValue())).toList();
  }
}
