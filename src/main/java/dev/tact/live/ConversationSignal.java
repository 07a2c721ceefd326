package dev.tact.live;

import java.util.UUID;

/** A conversation changed (topic {@code conversation}): its new version, what kind of change, and by whom. */
record ConversationSignal(UUID conversation, long number, long version, String kind, UUID actorId,
    String actorName) {

  static final String TOPIC = "conversation";
}
