package dev.tact.noise;

import java.time.Instant;

/**
 * What the road in knows of a sender before noise control decides: facts, so that noise control need not ask
 * the contact and conversation modules back.
 *
 * @param tiered the contact has a customer tier
 * @param firstConversationAt when the contact's earliest conversation was opened, or null when there is none
 */
public record SenderStanding(boolean tiered, Instant firstConversationAt) {

  /** A sender Tact knows nothing of. */
  public static final SenderStanding UNKNOWN = new SenderStanding(false, null);

  /** Whether the sender was a customer before this instant (a tier, or a conversation opened before it). */
  boolean knownBefore(Instant before) {
    return tiered || firstConversationAt != null && firstConversationAt.isBefore(before);
  }
}
