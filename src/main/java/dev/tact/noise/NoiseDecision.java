package dev.tact.noise;

import java.util.UUID;

/**
 * What noise control decided for one inbound message.
 *
 * <ul>
 *   <li>{@code NEW}: file it; it may open a conversation (then call {@link NoiseControl#filed}).
 *   <li>{@code FOLLOW_UP}: it continues a conversation (or names one); file it, nothing was checked.
 *   <li>{@code DUPLICATE}: a copy of the message that opened {@code conversationId}; it was linked to
 *       that conversation as report {@code reportId} and must not be filed.
 *   <li>{@code HELD}: past a rate limit; kept in held group {@code heldGroupId} until an agent decides.
 *   <li>{@code REDELIVERY}: this very message was handled before (same external id); nothing more to do.
 * </ul>
 */
public record NoiseDecision(Outcome outcome, UUID conversationId, UUID reportId, UUID heldGroupId,
    double similarity, String note) {

  public enum Outcome {
    NEW,
    FOLLOW_UP,
    DUPLICATE,
    HELD,
    REDELIVERY
  }

  /** Whether the message is to be filed into a conversation as usual. */
  public boolean files() {
    return outcome == Outcome.NEW || outcome == Outcome.FOLLOW_UP;
  }

  static NoiseDecision of(Outcome outcome, String note) {
    return new NoiseDecision(outcome, null, null, null, 0, note);
  }
}
