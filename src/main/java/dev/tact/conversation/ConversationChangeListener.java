package dev.tact.conversation;

import java.util.UUID;

/**
 * Told synchronously, inside the transaction that changes a conversation's rows (a message, note, status, team,
 * assignee, tag, subject or contact), that the conversation is to be read afresh; search appends it to its change
 * feed in that transaction, so the feed holds a change exactly when the change committed. Must not fail for reasons
 * of its own: an exception rolls the change back.
 */
public interface ConversationChangeListener {

  void conversationChanged(UUID conversationId);
}
