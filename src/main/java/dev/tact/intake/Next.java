package dev.tact.intake;

import dev.tact.conversation.InboundOutcome;
import java.util.UUID;

/**
 * What happens to an inbound item after a step: it goes on to the next step, or its road ends here. Every end
 * but {@link Park} is recorded on the item by {@link ItemMarks}; a parked item is kept raw with its reason (the
 * road's error repository), never dropped.
 */
sealed interface Next {

  /** On to the next step. */
  record Proceed() implements Next {}

  /** Read, and deliberately not filed (a mail loop, a bounce about nothing Tact sent); the reason is for people. */
  record Suppress(String reason) implements Next {}

  /** Past a rate limit: kept in a held group until an agent releases or discards it. */
  record Hold(UUID heldGroupId, String note) implements Next {}

  /** A copy of a message already filed: it joined that conversation as a linked report. */
  record JoinedAsReport(UUID conversationId, String note) implements Next {}

  /** Something noise control kept before (a report, a held message) came again. */
  record RedeliveredCopy(UUID messageId, UUID conversationId, String note) implements Next {}

  /** Filed into a conversation (or found there already, when {@code outcome.redelivery()}). */
  record Filed(InboundOutcome outcome) implements Next {}

  /** It cannot be read: parked with the reason, at once, without retries. */
  record Park(String reason, Throwable cause) implements Next {}

  Next PROCEED = new Proceed();

  default boolean proceeds() {
    return this instanceof Proceed;
  }
}
