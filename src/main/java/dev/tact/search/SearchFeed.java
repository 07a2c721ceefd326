package dev.tact.search;

import dev.tact.contact.ContactChangeListener;
import dev.tact.conversation.ConversationChangeListener;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the change feed in the transaction that makes the change: a row per conversation or contact changed,
 * once per transaction however many of its rows changed. After the commit this node's indexer is woken, so what an
 * agent here wrote is searchable at once; other nodes find the row on their next poll.
 */
@Component
class SearchFeed implements ConversationChangeListener, ContactChangeListener {

  enum Kind { CONVERSATION, CONTACT }

  private final JdbcClient jdbc;
  private final SearchIndexer indexer;

  SearchFeed(JdbcClient jdbc, SearchIndexer indexer) {
    this.jdbc = jdbc;
    this.indexer = indexer;
  }

  @Override
  public void conversationChanged(UUID conversationId) {
    append(Kind.CONVERSATION, conversationId);
  }

  @Override
  public void contactChanged(UUID contactId) {
    append(Kind.CONTACT, contactId);
  }

  private void append(Kind kind, UUID id) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      insert(kind, id);
      indexer.wake();
      return;
    }
    if (appendedInThisTransaction().add(kind + ":" + id)) {
      insert(kind, id);
    }
  }

  private void insert(Kind kind, UUID id) {
    jdbc.sql("INSERT INTO search_feed (kind, entity_id) VALUES (:kind, :id)")
        .param("kind", kind.name()).param("id", id).update();
  }

  @SuppressWarnings("unchecked")
  private Set<String> appendedInThisTransaction() {
    Object existing = TransactionSynchronizationManager.getResource(this);
    if (existing != null) {
      return (Set<String>) existing;
    }
    Set<String> appended = new HashSet<>();
    TransactionSynchronizationManager.bindResource(this, appended);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(SearchFeed.this);
        if (status == STATUS_COMMITTED) {
          indexer.wake();
        }
      }
    });
    return appended;
  }
}
