package dev.tact.search;

import dev.tact.contact.ContactChangeListener;
import dev.tact.conversation.ConversationChangeListener;
import dev.tact.shared.MultiRowInsert;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the change feed in the transaction that makes the change: a row per conversation or contact changed,
 * once per transaction however many of its rows changed. The rows of a transaction are written together just before
 * it commits (one statement for a whole inbound set instead of one per conversation and contact). After the commit
 * this node's indexer is woken, so what an agent here wrote is searchable at once; other nodes find the row on their
 * next poll.
 */
@Component
class SearchFeed implements ConversationChangeListener, ContactChangeListener {

  enum Kind { CONVERSATION, CONTACT }

  private static final MultiRowInsert ROWS = new MultiRowInsert("INSERT INTO search_feed (kind, entity_id)", 2, "");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final SearchIndexer indexer;

  SearchFeed(JdbcClient jdbc, JdbcTemplate template, SearchIndexer indexer) {
    this.jdbc = jdbc;
    this.template = template;
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
    Pending pending = pendingInThisTransaction();
    if (pending.written) { // a change made by other before-commit work, after the rows were written
      insert(kind, id);
    } else {
      pending.rows.add(new Row(kind, id));
    }
  }

  private void insert(Kind kind, UUID id) {
    jdbc.sql("INSERT INTO search_feed (kind, entity_id) VALUES (:kind, :id)")
        .param("kind", kind.name()).param("id", id).update();
  }

  private record Row(Kind kind, UUID id) {}

  /**
   * The rows this transaction appends, written before it commits. Bound to the thread while the transaction runs and
   * unbound while it is suspended (an inner {@code REQUIRES_NEW} transaction has rows of its own). A set whose
   * synchronization is no longer registered belonged to work that was rolled back to a savepoint with it
   * (SavepointAttempt forgets the synchronizations the failed work registered): its rows are dropped with that work.
   */
  private Pending pendingInThisTransaction() {
    Pending bound = (Pending) TransactionSynchronizationManager.getResource(this);
    if (bound != null && TransactionSynchronizationManager.getSynchronizations().contains(bound)) {
      return bound;
    }
    if (bound != null) {
      TransactionSynchronizationManager.unbindResource(this);
    }
    Pending pending = new Pending();
    TransactionSynchronizationManager.bindResource(this, pending);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  private final class Pending implements TransactionSynchronization {

    private final Set<Row> rows = new LinkedHashSet<>();
    private boolean written;

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(SearchFeed.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(SearchFeed.this, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      ROWS.insert(template, rows.stream().map(row -> new Object[] {row.kind().name(), row.id()}).toList());
      written = true;
    }

    @Override
    public void afterCompletion(int status) {
      if (TransactionSynchronizationManager.getResource(SearchFeed.this) == this) {
        TransactionSynchronizationManager.unbindResource(SearchFeed.this);
      }
      if (status == STATUS_COMMITTED) {
        indexer.wake();
      }
    }
  }
}
