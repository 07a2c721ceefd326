package dev.tact.intake;

import dev.tact.conversation.InboundOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What one channel adds to the common road, written by its reader: a check before the sender is resolved,
 * events to announce, and its own records of what was kept or filed. A channel with none uses {@link #NONE}.
 */
interface ChannelTraits {

  ChannelTraits NONE = new ChannelTraits() {};

  /** A reason not to file the item at all, decided before its sender is resolved (a mail loop), or empty. */
  default Optional<String> suppression() {
    return Optional.empty();
  }

  /** Events published once the sender is known, whether or not the item is then filed (a bounce). */
  default List<Object> announcements() {
    return List.of();
  }

  /** Why a follow-up-only item that continues no conversation is not filed. */
  default String unfiledReason() {
    return "It continues no conversation.";
  }

  /** Noise control joined the item to a conversation as the linked report {@code reportId}. */
  default void keptAsReport(InboundContext context) {}

  /** The item was filed (or found filed before, see {@code outcome.redelivery()}). */
  default void filed(InboundContext context, InboundOutcome outcome) {}
}
