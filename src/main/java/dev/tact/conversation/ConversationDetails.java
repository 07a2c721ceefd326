package dev.tact.conversation;

import java.util.List;
import java.util.Optional;

public record ConversationDetails(ConversationSummary conversation, List<Message> messages, List<HistoryEntry> history) {

  /** The customer's first message (messages are oldest first); empty when the conversation has none. */
  public Optional<Message> firstInbound() {
    return messages.stream().filter(m -> m.direction() == Direction.INBOUND).findFirst();
  }
}
