package dev.tact.timer;

import static dev.tact.shared.SqlTime.utc;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A work queue over a table of its own ({@code test_work}) for the claim worker's tests. Working an item records
 * it in {@code test_work_done} (no unique key, so an item worked twice shows) and marks it DONE, and registers
 * after-commit work that counts it; payload {@code fail} records and then throws, {@code unreadable} throws an
 * {@link UnreadableException}, which parks at once; {@code lost} records, then ends the whole transaction in the
 * database and throws (as H2 does to a deadlock's victim).
 */
final class WorkTable implements WorkQueue<WorkTable.Item> {

  record Item(int id, String payload, int attempts) {}

  static final class UnreadableException extends RuntimeException {
    UnreadableException(String message) {
      super(message);
    }
  }

  final HikariDataSource dataSource;
  final JdbcClient jdbc;
  final JdbcTransactionManager transactions;
  final String worker;
  /** The sizes of the lists handed to {@link #handle}, in order. */
  final List<Integer> handed = new CopyOnWriteArrayList<>();
  final AtomicInteger afterCommitRuns = new AtomicInteger();
  final AtomicInteger emptyClaims = new AtomicInteger();
  volatile boolean transactionSeenInHandle;

  WorkTable(String url, String worker) {
    this.dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setMaximumPoolSize(6);
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new JdbcTransactionManager(dataSource);
    this.worker = worker;
  }

  static void create(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("DROP TABLE IF EXISTS test_work").update();
    jdbc.sql("DROP TABLE IF EXISTS test_work_done").update();
    jdbc.sql("""
        CREATE TABLE test_work (id INT PRIMARY KEY, payload VARCHAR(100), state VARCHAR(10) NOT NULL,
          attempts INT NOT NULL, next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, last_error VARCHAR(4000))""")
        .update();
    jdbc.sql("CREATE TABLE test_work_done (id INT NOT NULL, worker VARCHAR(20) NOT NULL)").update();
  }

  void add(int id, String payload, Instant due) {
    jdbc.sql("INSERT INTO test_work (id, payload, state, attempts, next_attempt_at) VALUES (:id, :p, 'WAITING', 0, :due)")
        .param("id", id).param("p", payload).param("due", utc(due)).update();
  }

  @Override
  public List<Item> claimDue(Instant now, int limit) {
    List<Item> items = jdbc.sql("""
        SELECT id, payload, attempts FROM test_work WHERE state = 'WAITING' AND next_attempt_at <= :now
        ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
        .param("now", utc(now)).param("limit", limit)
        .query((rs, n) -> new Item(rs.getInt("id"), rs.getString("payload"), rs.getInt("attempts"))).list();
    if (items.isEmpty()) {
      emptyClaims.incrementAndGet();
    }
    return items;
  }

  @Override
  public void handle(List<Item> items) {
    handed.add(items.size());
    transactionSeenInHandle |= TransactionSynchronizationManager.isActualTransactionActive();
    for (Item item : items) {
      jdbc.sql("INSERT INTO test_work_done (id, worker) VALUES (:id, :worker)").param("id", item.id())
          .param("worker", worker).update();
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            afterCommitRuns.incrementAndGet();
          }
        });
      }
      if ("fail".equals(item.payload())) {
        throw new IllegalStateException("item " + item.id() + " fails as asked");
      }
      if ("lost".equals(item.payload())) {
        jdbc.sql("ROLLBACK").update(); // the whole transaction, as H2 rolls back a deadlock's victim
        throw new IllegalStateException("item " + item.id() + " lost its transaction");
      }
      if ("unreadable".equals(item.payload())) {
        throw new UnreadableException("item " + item.id() + " cannot be read");
      }
      jdbc.sql("UPDATE test_work SET state = 'DONE' WHERE id = :id").param("id", item.id()).update();
    }
  }

  @Override
  public int failuresSoFar(Item item) {
    return item.attempts();
  }

  @Override
  public boolean parksAtOnce(RuntimeException failure) {
    return failure instanceof UnreadableException;
  }

  @Override
  public boolean recordFailure(Item item, WorkFailure failure) {
    return jdbc.sql("""
        UPDATE test_work SET attempts = attempts + 1, state = :state, next_attempt_at = :next, last_error = :error
        WHERE id = :id""")
        .param("state", failure.parked() ? "PARKED" : "WAITING").param("next", utc(failure.retryAt()))
        .param("error", failure.error()).param("id", item.id()).update() == 1;
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  String state(int id) {
    return jdbc.sql("SELECT state FROM test_work WHERE id = :id").param("id", id).query(String.class).single();
  }
}
