package dev.tact.conversation;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many linked reports (copies of a conversation's first message from several senders) each conversation
 * collected, for lists of conversations; noise control keeps them and answers, conversation only asks. Conversations
 * without any are absent.
 */
public interface ConversationReportCounts {

  Map<UUID, Integer> of(Collection<UUID> conversationIds);
}
