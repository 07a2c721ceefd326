package dev.tact.conversation;

import java.util.Optional;

/**
 * Where other modules keep records of inbound messages (noise control's linked reports, the original's included,
 * and its held messages). Threading asks every such bean first, so that a redelivery of a message kept there is recognised
 * in the one place that decides redelivery.
 */
public interface EarlierCopies {

  /** The copy of this message (the same external id on the same channel) kept before, if any. */
  Optional<EarlierCopy> earlierCopyOf(InboundMessage message);
}
