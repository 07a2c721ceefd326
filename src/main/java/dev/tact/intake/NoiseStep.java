package dev.tact.intake;

import dev.tact.noise.NoiseCandidate;
import dev.tact.noise.NoiseControl;
import dev.tact.noise.NoiseDecision;
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
    return switch (decision.outcome()) {
      case NEW, FOLLOW_UP -> Next.PROCEED;
      case DUPLICATE -> {
        context.read().traits().keptAsReport(context);
        yield new Next.JoinedAsReport(decision.conversationId(), decision.note());
      }
      case REDELIVERY -> new Next.RedeliveredCopy(
          decision.reportId() != null ? decision.reportId() : context.item().messageId(), decision.conversationId(),
          decision.note());
      case HELD -> new Next.Hold(decision.heldGroupId(), decision.note());
    };
  }
}
