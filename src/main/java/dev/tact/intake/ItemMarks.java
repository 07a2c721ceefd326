package dev.tact.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records where an item's road ended on the item itself; the raw item always stays in the log. */
@Component
class ItemMarks {

  private final ItemStore items;
  private final Clock clock;

  ItemMarks(ItemStore items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  void record(InboundContext context) {
    InboundItem item = context.item();
    UUID contactId = context.contact() == null ? null : context.contact().id();
    Instant at = clock.instant();
    switch (context.next()) {
      case Next.Filed filed -> items.markProcessed(item.id(),
          filed.outcome().redelivery() ? ItemState.DUPLICATE : ItemState.DONE, filed.outcome().messageId(), contactId,
          filed.outcome().conversationId(), at);
      case Next.JoinedAsReport joined -> items.markNoted(item.id(), ItemState.DONE, item.messageId(), contactId,
          joined.conversationId(), "Joined the conversation as a linked report: " + joined.note(), at);
      case Next.RedeliveredCopy copy -> items.markNoted(item.id(), ItemState.DUPLICATE, copy.messageId(), contactId,
          copy.conversationId(), copy.note(), at);
      case Next.Hold hold -> items.markSuppressed(item.id(), contactId,
          hold.note() + " Held group " + hold.heldGroupId() + ".", at);
      case Next.Suppress suppress -> items.markSuppressed(item.id(), contactId, suppress.reason(), at);
      case Next.Park park -> throw new UnreadableItemException(park.reason(), park.cause());
      case Next.Proceed proceed -> throw new IllegalStateException("Inbound item " + item.id()
          + " reached the end of the road without being filed, held, suppressed or parked");
    }
  }
}
