package dev.tact.conversation;

import java.util.UUID;

/**
 * Where an inbound message belongs, decided once (by {@link ConversationManagement#threadOf}) before anything
 * else looks at it: noise control reads it as a fact, and filing follows it without threading again.
 */
public sealed interface ThreadDecision {

  /** Whether this very message was handled before (the same external id on the same channel). */
  default boolean redelivery() {
    return false;
  }

  /** It was stored before as a message of a conversation: nothing is stored again. */
  record Redelivered(UUID conversationId, long number, UUID messageId) implements ThreadDecision {
    @Override
    public boolean redelivery() {
      return true;
    }
  }

  /** Another module keeps a record of it from before (see {@link EarlierCopies}): it is not filed again. */
  record KeptElsewhere(EarlierCopy copy) implements ThreadDecision {
    @Override
    public boolean redelivery() {
      return true;
    }
  }

  /** It continues this conversation. */
  record Continues(ConversationSummary conversation) implements ThreadDecision {}

  /**
   * It opens a conversation of its own; {@code mentioned} is a conversation its subject named but that its sender
   * takes no part in (the new one is linked to it), or null.
   */
  record Opens(ConversationSummary mentioned) implements ThreadDecision {}

  /** A follow-up-only message (a bounce, say) that continues nothing: it is not filed. */
  record Unfiled() implements ThreadDecision {}
}
