package dev.tact.conversation;

import java.util.List;
import java.util.Optional;

/**
 * A conversation with everything agents read of it.
 *
 * @param links other conversations linked to it (one that mentions its number, or that it mentions)
 */
public record ConversationDetails(ConversationSummary conversation, List<Message> messages, List<HistoryEntry> history,
    List<ConversationLink> links) {

  /** The customer's first message (messages are oldest first); empty when the conversation has none. */
  public Optional<Message> firstInbound() {
    return messages.stream().filter(m -> m.direction() == Direction.INBOUND).findFirst();
  }
}
