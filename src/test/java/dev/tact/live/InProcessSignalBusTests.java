package dev.tact.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The embedded database's bus: a transaction's signals are delivered when it commits, also those published then. */
class InProcessSignalBusTests {

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final InProcessSignalBus bus = new InProcessSignalBus(executor, JsonMapper.builder().build());
  private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
      new DriverManagerDataSource("jdbc:h2:mem:signals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")));
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void shouldDeliverACommittedTransactionsSignalsAndThoseOfItsAfterCommitWorkButNoneOfARolledBackOne() throws Exception {
    bus.subscribe("test", String.class, heard::add);

    transactions.executeWithoutResult(status -> {
      bus.publish("test", "in the transaction");
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          bus.publish("test", "after its commit");
        }
      });
    });
    transactions.executeWithoutResult(status -> {
      bus.publish("test", "rolled back");
      status.setRollbackOnly();
    });
    executor.shutdown();
    assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(heard).containsExactly("in the transaction", "after its commit");
  }
}
