package dev.tact.conversation.report;

import dev.tact.conversation.ConversationChangeListener;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notes, in the transaction of every write to a conversation, that the conversation changed: one new row of {@code
 * conv_opened_change} per conversation and transaction, nothing else (ADR 0046). It never updates a shared row, so
 * concurrent writes on the same day and team never wait for each other here; {@link OpenedFold} later reads the
 * conversation as it is and moves its contribution in {@code conv_opened_daily}.
 */
@Component
class OpenedFigures implements ConversationChangeListener {

  private final OpenedFold fold;

  OpenedFigures(OpenedFold fold) {
    this.fold = fold;
  }

  @Override
  public void conversationChanged(UUID conversationId) {
    if (TransactionSynchronizationManager.isSynchronizationActive() && !notedNow().add(conversationId)) {
      return;
    }
    fold.changed(conversationId);
  }

  /** The conversations this transaction noted already (bound to it, dropped when it ends). */
  @SuppressWarnings("unchecked")
  private Set<UUID> notedNow() {
    Set<UUID> noted = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
    if (noted == null) {
      noted = new HashSet<>();
      TransactionSynchronizationManager.bindResource(this, noted);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(OpenedFigures.this);
        }
      });
    }
    return noted;
  }
}
