package dev.tact.intake;

import dev.tact.conversation.ConversationManagement;
import org.springframework.stereotype.Component;

/**
 * Asks the conversation module, once, where the message belongs: a redelivery, a follow-up, a conversation of its
 * own, or nowhere. Noise control reads that decision; filing follows it.
 */
@Component
class ThreadStep implements ItemStep {

  private final ConversationManagement conversations;

  ThreadStep(ConversationManagement conversations) {
    this.conversations = conversations;
  }

  @Override
  public Next apply(InboundContext context) {
    context.thread(conversations.threadOf(context.message()));
    return Next.PROCEED;
  }
}
