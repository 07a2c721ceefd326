package dev.tact.conversation;

import java.util.List;

/**
 * Inbound messages filed together in one transaction ({@link FiledTogether}: the intake pipeline's claimed batch),
 * published once after them, in the same transaction. Each was also published on its own ({@link MessageAdded}, and
 * {@link ConversationOpened} when it opened its conversation) for listeners in the transaction; an after-commit
 * listener that takes the batch leaves the single events of a batch out in its condition
 * ({@code !@filedTogether.takes(#added)}), so that it costs one publication and one transaction per batch (ADR 0058).
 */
public record MessagesFiled(List<FiledMessage> messages) {

  public MessagesFiled {
    messages = List.copyOf(messages);
  }

  /** The conversations these messages opened, in the order they were filed. */
  public List<ConversationOpened> openings() {
    return messages.stream().filter(FiledMessage::opened).map(FiledMessage::opening).toList();
  }
}
