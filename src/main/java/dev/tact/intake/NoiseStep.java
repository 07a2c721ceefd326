package dev.tact.intake;

import dev.tact.noise.NoiseCandidate;
import dev.tact.noise.NoiseControl;
import dev.tact.noise.NoiseDecision;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Noise control's decision from the facts found so far: file it, or it joined a conversation as a copy, or it
 * came again, or it is held past a rate limit.
 */
@Component
class NoiseStep implements ItemStep {

  private final NoiseControl noise;

  NoiseStep(NoiseControl noise) {
    this.noise = noise;
  }

  @Override
  public Next apply(InboundContext context) {
    NoiseCandidate candidate = context.read().reporting().candidate(context.message());
    NoiseDecision decision = noise.decide(candidate, context.thread(), context.standing());
    context.noise(candidate, decision);
    Next next = nextFor(decision, context.item().messageId());
    if (next instanceof Next.JoinedAsReport) {
      context.read().traits().keptAsReport(context);
    }
    return next;
  }

  /** Where the road goes after a noise decision; a redelivery names the report it came as, else the item's message. */
  static Next nextFor(NoiseDecision decision, UUID itemMessageId) {
    return switch (decision) {
      case NoiseDecision.New fresh -> Next.PROCEED;
      case NoiseDecision.FollowUp followUp -> Next.PROCEED;
      case NoiseDecision.Duplicate duplicate -> new Next.JoinedAsReport(duplicate.conversationId(), duplicate.note());
      case NoiseDecision.Redelivery redelivery -> new Next.RedeliveredCopy(
          redelivery.reportId() != null ? redelivery.reportId() : itemMessageId, redelivery.conversationId(),
          redelivery.note());
      case NoiseDecision.Held held -> new Next.Hold(held.heldGroupId(), held.note());
    };
  }
}
