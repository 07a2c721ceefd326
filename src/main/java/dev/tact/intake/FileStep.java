package dev.tact.intake;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundOutcome;
import dev.tact.noise.NoiseControl;
import org.springframework.stereotype.Component;

/**
 * The one filing path of every channel: the message is stored where threading decided, noise control remembers
 * what it opened, and the channel keeps its own record of what was filed.
 */
@Component
class FileStep implements ItemStep {

  private final ConversationManagement conversations;
  private final NoiseControl noise;

  FileStep(ConversationManagement conversations, NoiseControl noise) {
    this.conversations = conversations;
    this.noise = noise;
  }

  @Override
  public Next apply(InboundContext context) {
    InboundOutcome outcome = conversations.receiveInbound(context.message(), context.thread());
    noise.filed(context.candidate(), context.decision(), outcome);
    if (!outcome.filed()) {
      return new Next.Suppress(context.read().traits().unfiledReason());
    }
    context.read().traits().filed(context, outcome);
    return new Next.Filed(outcome);
  }
}
