package dev.tact.intake;

import dev.tact.intake.ItemStore.ItemEnd;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records where an item's road ended on the item itself; the raw item always stays in the log. Each item's end is
 * taken when its road ends ({@link #end}) and the set's ends are written together ({@link #recordAll}): nothing on
 * the road reads an item's own row back.
 */
@Component
class ItemMarks {

  private final ItemStore items;
  private final Clock clock;

  ItemMarks(ItemStore items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  /** Where this item's road ended; throws for an item to park (the set is rolled back) or one left unfinished. */
  ItemEnd end(InboundContext context) {
    InboundItem item = context.item();
    UUID contactId = context.contact() == null ? null : context.contact().id();
    Instant at = clock.instant();
    return switch (context.next()) {
      case Next.Filed filed -> new ItemEnd(item.id(),
          filed.outcome().redelivery() ? ItemState.DUPLICATE : ItemState.DONE, filed.outcome().messageId(), contactId,
          filed.outcome().conversationId(), null, at);
      case Next.JoinedAsReport joined -> new ItemEnd(item.id(), ItemState.DONE, item.messageId(), contactId,
          joined.conversationId(), "Joined the conversation as a linked report: " + joined.note(), at);
      case Next.RedeliveredCopy copy -> new ItemEnd(item.id(), ItemState.DUPLICATE, copy.messageId(), contactId,
          copy.conversationId(), copy.note(), at);
      case Next.Hold hold -> new ItemEnd(item.id(), ItemState.SUPPRESSED, null, contactId,
          null, hold.note() + " Held group " + hold.heldGroupId() + ".", at);
      case Next.Suppress suppress -> new ItemEnd(item.id(), ItemState.SUPPRESSED, null, contactId, null,
          suppress.reason(), at);
      case Next.Park park -> throw new UnreadableItemException(park.reason(), park.cause());
      case Next.Proceed proceed -> throw new IllegalStateException("Inbound item " + item.id()
          + " reached the end of the road without being filed, held, suppressed or parked");
    };
  }

  /** Writes the ends of a set's items, in one round trip per kind of end. */
  void recordAll(List<ItemEnd> ends) {
    items.markAll(ends);
  }
}
