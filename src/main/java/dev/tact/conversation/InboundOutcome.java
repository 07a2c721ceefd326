package dev.tact.conversation;

import java.util.UUID;

/**
 * Where an inbound message landed. {@code redelivery} means a message with the same external
 * id was already stored: {@code messageId} is then that earlier message. A follow-up-only message
 * that continues nothing is not filed: {@code conversationId} is then null.
 */
public record InboundOutcome(UUID conversationId, long number, UUID messageId, boolean openedConversation,
    boolean redelivery) {

  static InboundOutcome notFiled(UUID messageId) {
    return new InboundOutcome(null, 0, messageId, false, false);
  }

  public boolean filed() {
    return conversationId != null;
  }
}
