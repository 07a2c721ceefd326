package dev.tact.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.StatementCounter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PostgreSQL bus on its own: a transaction's signals, about several conversations, reach the listeners after
 * it commits, in the order they were published, sent with one statement; a rolled-back transaction's never do. A
 * signal published outside a transaction afterwards is the marker: notifications arrive in commit order, so once it
 * is heard, whatever the transaction sent has been heard too.
 */
@RequiresPostgres
class PostgresSignalBusTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  record Changed(UUID conversation, long version) {}

  private final List<Changed> heard = new CopyOnWriteArrayList<>();
  private PostgresSignalBus bus;
  private TransactionTemplate transactions;

  @BeforeEach
  void startBus() {
    DataSource database = new DriverManagerDataSource(PostgresTestDatabase.create());
    DataSource counted = StatementCounter.counting(database);
    JsonMapper json = JsonMapper.builder().build();
    bus = new PostgresSignalBus(counted, json,
        new InProcessSignalBus(Executors.newSingleThreadExecutor(), json));
    bus.subscribe("test", Changed.class, heard::add);
    bus.start();
    transactions = new TransactionTemplate(new DataSourceTransactionManager(counted));
  }

  @AfterEach
  void stopBus() {
    bus.close();
  }

  @Test
  void aTransactionsSignalsAreSentTogetherAtItsCommitAndNotAtAllOnARollback() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    List<Changed> published = List.of(new Changed(a, 1), new Changed(b, 1), new Changed(a, 2),
        new Changed(c, 1), new Changed(b, 2));

    StatementCounter.start();
    transactions.executeWithoutResult(status -> {
      published.forEach(signal -> bus.publish("test", signal));
      bus.publish("test", new Changed(c, 1)); // the same signal again: PostgreSQL delivers it once
    });
    StatementCounter.stop();
    assertThat(StatementCounter.counted()).as(StatementCounter.statements().toString()).isEqualTo(1);
    Changed first = marker();
    heardUpTo(first);
    assertThat(heard).isEqualTo(java.util.stream.Stream.concat(published.stream(), java.util.stream.Stream.of(first))
        .toList());

    heard.clear();
    StatementCounter.start();
    transactions.executeWithoutResult(status -> {
      bus.publish("test", new Changed(a, 3));
      bus.publish("test", new Changed(b, 3));
      status.setRollbackOnly();
    });
    StatementCounter.stop();
    assertThat(StatementCounter.counted()).isZero();
    Changed marker = marker();
    heardUpTo(marker);
    assertThat(heard).containsExactly(marker);
  }

  @Test
  void aSignalOutsideATransactionIsSentAtOnce() {
    StatementCounter.start();
    Changed signal = new Changed(UUID.randomUUID(), 7);
    bus.publish("test", signal);
    StatementCounter.stop();
    assertThat(StatementCounter.counted()).isEqualTo(1);
    heardUpTo(signal);
    assertThat(heard).containsExactly(signal);
  }

  /** As an after-commit event listener would: the transaction has committed, its synchronizations still run. */
  @Test
  void aSignalPublishedAfterTheCommitIsSent() {
    Changed late = new Changed(UUID.randomUUID(), 1);
    transactions.executeWithoutResult(status -> {
      bus.publish("test", new Changed(UUID.randomUUID(), 1));
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          bus.publish("test", late);
        }
      });
    });
    Changed marker = marker();
    heardUpTo(marker);
    assertThat(heard).contains(late);
  }

  /** Publishes, outside any transaction, a signal that the test waits for. */
  private Changed marker() {
    Changed marker = new Changed(UUID.randomUUID(), 0);
    bus.publish("test", marker);
    return marker;
  }

  private void heardUpTo(Changed marker) {
    await().atMost(PATIENCE).until(() -> heard.contains(marker));
  }
}
