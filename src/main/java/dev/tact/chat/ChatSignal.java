package dev.tact.chat;

import java.util.UUID;

/**
 * What one node tells every node about a chat: new lines (read from the database by whoever shows them), typing,
 * presence, a change of state, or a change of the waiting list. Small enough for a PostgreSQL NOTIFY payload.
 *
 * @param side {@code visitor} or {@code agent} (typing and presence)
 * @param name who is typing or present, as the other side sees them
 * @param online presence: whether that side is connected
 */
public record ChatSignal(String kind, UUID chat, String side, String name, boolean online) {

  static final String LINE = "line";
  static final String TYPING = "typing";
  static final String PRESENCE = "presence";
  static final String STATE = "state";
  static final String FILED = "filed";

  static ChatSignal of(String kind, UUID chat) {
    return new ChatSignal(kind, chat, null, null, false);
  }
}
