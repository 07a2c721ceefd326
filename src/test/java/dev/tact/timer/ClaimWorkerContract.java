package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the claim worker promises, on each database Tact supports, over a queue of the tests' own ({@link
 * WorkTable}). Tests that drive a batch by hand use a clock they move; tests of the threads use the system clock.
 */
abstract class ClaimWorkerContract {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  static final Backoff BACKOFF = Backoff.doubling(Duration.ofSeconds(10), Duration.ofMinutes(5));

  final MutableClock clock = new MutableClock(T);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<WorkTable> tables = new ArrayList<>();
  final List<ClaimWorkers> nodes = new ArrayList<>();

  /** A fresh, empty database for one test. */
  abstract String databaseUrl();

  String url;

  @BeforeEach
  void freshDatabase() {
    url = databaseUrl();
    WorkTable.create(table("setup").dataSource);
  }

  @AfterEach
  void stopAndClose() {
    nodes.forEach(ClaimWorkers::stop);
    tables.forEach(t -> t.dataSource.close());
  }

  WorkTable table(String worker) {
    WorkTable table = new WorkTable(url, worker);
    tables.add(table);
    return table;
  }

  Worker worker(WorkTable table, WorkerSettings settings, WakeUp wakeUp, java.time.Clock workerClock) {
    ClaimWorkers node = new ClaimWorkers(table.transactions, meters, workerClock, false);
    nodes.add(node);
    return node.register(table, settings, wakeUp);
  }

  static WorkerSettings settings(int threads, int batch, Duration poll, int maxAttempts) {
    return WorkerSettings.locked("test-work", true, threads, batch, poll, maxAttempts, BACKOFF);
  }

  @Test
  void shouldHandAWholeBatchToTheQueueInOneTransaction() {
    WorkTable table = table("a");
    for (int i = 0; i < 25; i++) {
      table.add(i, "ok", T);
    }
    Worker worker = worker(table, settings(1, 10, Duration.ofSeconds(1), 3), new WakeUp(), clock);

    assertThat(worker.runOnce().done()).isEqualTo(10);
    assertThat(worker.runOnce().done()).isEqualTo(10);
    assertThat(worker.runOnce().done()).isEqualTo(5);
    assertThat(worker.runOnce().idle()).isTrue();

    assertThat(table.handed).containsExactly(10, 10, 5);
    assertThat(table.transactionSeenInHandle).isTrue();
    assertThat(table.count("SELECT COUNT(*) FROM test_work WHERE state = 'DONE'")).isEqualTo(25);
    assertThat(table.afterCommitRuns).hasValue(25);
    assertThat(meters.get("tact.worker.claimed").tag("queue", "test-work").counter().count()).isEqualTo(25.0);
    assertThat(meters.get("tact.worker.done").tag("queue", "test-work").counter().count()).isEqualTo(25.0);
    assertThat(meters.get("tact.worker.batch").tag("queue", "test-work").timer().count()).isEqualTo(3);
  }

  @Test
  void shouldWorkTheItemsOneByOneWhenTheBatchFailsAndCountTheFailureOnTheLockedItem() {
    WorkTable table = table("a");

    assertFourDoneAndItemTwoFailedAlone(table, "fail", "IllegalStateException: item 2 fails as asked");
    assertThat(table.jdbc.sql("SELECT next_attempt_at FROM test_work WHERE id = 2")
        .query((rs, n) -> dev.tact.shared.SqlTime.instant(rs, "next_attempt_at")).single())
        .isEqualTo(T.plusSeconds(1).plusSeconds(10));
    assertThat(meters.get("tact.worker.failed").tag("queue", "test-work").counter().count()).isEqualTo(1.0);
  }

  /**
   * Items 0 to 4 in one batch, item 2 with {@code payload}: the batch is handed whole, then each item alone; the four
   * others are done once each with their writes and after-commit work, item 2's writes are gone and its failure
   * counted once.
   */
  private void assertFourDoneAndItemTwoFailedAlone(WorkTable table, String payload, String error) {
    for (int i = 0; i < 5; i++) {
      table.add(i, i == 2 ? payload : "ok", T.plusMillis(i));
    }
    Worker worker = worker(table, settings(1, 20, Duration.ofSeconds(1), 3), new WakeUp(), clock);
    clock.set(T.plusSeconds(1));

    Worker.Pass pass = worker.runOnce();

    assertThat(pass.done()).isEqualTo(4);
    assertThat(pass.failed()).isEqualTo(1);
    assertThat(table.handed).as("the batch, then each item alone").containsExactly(5, 1, 1, 1, 1, 1);
    assertThat(table.count("SELECT COUNT(*) FROM test_work_done WHERE id <> 2")).as("each other item once")
        .isEqualTo(4);
    assertThat(table.count("SELECT COUNT(*) FROM test_work_done WHERE id = 2")).as("item 2's writes").isZero();
    assertThat(table.count("SELECT COUNT(*) FROM test_work WHERE state = 'DONE'")).isEqualTo(4);
    assertThat(table.afterCommitRuns).as("after-commit work of the four, not of item 2").hasValue(4);
    assertThat(table.state(2)).isEqualTo("WAITING");
    assertThat(table.jdbc.sql("SELECT attempts FROM test_work WHERE id = 2").query(Integer.class).single())
        .as("item 2's failure counted").isEqualTo(1);
    assertThat(table.jdbc.sql("SELECT last_error FROM test_work WHERE id = 2").query(String.class).single())
        .isEqualTo(error);
  }

  /**
   * Item 2's work ends the whole transaction and then throws, as H2 does to a deadlock's victim: the batch's earlier
   * work is gone and its savepoint no longer exists. Nothing of that transaction may be committed, and each item is
   * then worked in a transaction of its own: done with its writes, or failed without them (never one without the
   * other). Before, the worker gave up the batch (logged "could not claim or record work") and took the same batch
   * again after its poll interval, for ever: no item of it was ever done and item 2 never counted or parked.
   */
  @Test
  void shouldWorkABatchAgainOneItemPerTransactionWhenTheDatabaseEndedItsTransaction() {
    WorkTable table = table("a");

    assertFourDoneAndItemTwoFailedAlone(table, "lost", "IllegalStateException: item 2 lost its transaction");
    assertThat(meters.get("tact.worker.claimed").tag("queue", "test-work").counter().count())
        .as("the lost batch is not counted, its items alone are").isEqualTo(5.0);
  }

  @Test
  void shouldBackOffAndParkAfterMaxAttempts() {
    WorkTable table = table("a");
    table.add(1, "fail", T);
    Worker worker = worker(table, settings(1, 20, Duration.ofSeconds(1), 3), new WakeUp(), clock);

    assertThat(worker.runOnce().failed()).isEqualTo(1);
    clock.set(T.plusSeconds(9));
    assertThat(worker.runOnce().idle()).as("not before the first back-off of 10 s").isTrue();
    clock.set(T.plusSeconds(10));
    assertThat(worker.runOnce().failed()).isEqualTo(1);
    clock.set(T.plusSeconds(10 + 19));
    assertThat(worker.runOnce().idle()).as("the second back-off doubles to 20 s").isTrue();
    clock.set(T.plusSeconds(10 + 20));
    assertThat(worker.runOnce().failed()).isEqualTo(1);

    assertThat(table.state(1)).isEqualTo("PARKED");
    clock.set(T.plusSeconds(3600));
    assertThat(worker.runOnce().idle()).as("a parked item is not claimed").isTrue();
    assertThat(meters.get("tact.worker.failed").tag("queue", "test-work").counter().count()).isEqualTo(3.0);
    assertThat(meters.get("tact.worker.parked").tag("queue", "test-work").counter().count()).isEqualTo(1.0);
  }

  @Test
  void shouldParkAnUnreadableItemAtOnce() {
    WorkTable table = table("a");
    table.add(1, "unreadable", T);
    table.add(2, "ok", T);
    Worker worker = worker(table, settings(1, 20, Duration.ofSeconds(1), 5), new WakeUp(), clock);

    Worker.Pass pass = worker.runOnce();

    assertThat(pass.done()).isEqualTo(1);
    assertThat(pass.failed()).isEqualTo(1);
    assertThat(table.state(1)).isEqualTo("PARKED");
    assertThat(table.state(2)).isEqualTo("DONE");
    assertThat(table.jdbc.sql("SELECT last_error FROM test_work WHERE id = 1").query(String.class).single())
        .isEqualTo("UnreadableException: item 1 cannot be read");
  }

  @Test
  void shouldTakeNewWorkAtOnceWhenWokenThoughThePollIntervalIsAnHour() {
    WorkTable table = table("a");
    WakeUp wakeUp = new WakeUp();
    Worker worker = worker(table, settings(1, 20, Duration.ofHours(1), 3), wakeUp, java.time.Clock.systemUTC());
    worker.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> table.emptyClaims.get() >= 1); // idle now, for an hour

    table.add(1, "ok", Instant.now().minusSeconds(1));
    wakeUp.wake();

    // without the wake-up the thread would look again in an hour
    await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(table.state(1)));
  }

  @Test
  void shouldNeverHandTheSameItemToTwoWorkers() {
    int items = 600;
    WorkTable setup = table("setup");
    for (int i = 0; i < items; i++) {
      setup.add(i, "ok", Instant.now().minusSeconds(1));
    }
    WorkTable a = table("a");
    WorkTable b = table("b");
    Worker nodeA = worker(a, settings(3, 7, Duration.ofMillis(20), 3), new WakeUp(), java.time.Clock.systemUTC());
    ClaimWorkers otherNode = new ClaimWorkers(b.transactions, new SimpleMeterRegistry(), java.time.Clock.systemUTC(),
        true);
    nodes.add(otherNode);
    Worker nodeB = otherNode.register(b, settings(3, 7, Duration.ofMillis(20), 3), new WakeUp());

    nodeA.start();
    nodeB.start();
    await().atMost(Duration.ofSeconds(60))
        .until(() -> setup.count("SELECT COUNT(*) FROM test_work WHERE state = 'DONE'") == items);

    assertThat(setup.count("SELECT COUNT(*) FROM test_work_done")).as("each item worked once").isEqualTo(items);
    assertThat(setup.count("SELECT COUNT(DISTINCT id) FROM test_work_done")).isEqualTo(items);
    assertThat(setup.count("SELECT COUNT(DISTINCT worker) FROM test_work_done")).as("both nodes took part")
        .isEqualTo(2);
  }

  @Test
  void shouldCommitALeasedClaimBeforeTheWork() {
    WorkTable table = table("a");
    table.add(1, "ok", T);
    Worker worker = worker(table, new WorkerSettings("test-work", true, 1, 20, Duration.ofSeconds(1), 3, BACKOFF,
        WorkerSettings.Claim.LEASED, Duration.ofSeconds(30)), new WakeUp(), clock);

    assertThat(worker.runOnce().done()).isEqualTo(1);

    assertThat(table.handed).containsExactly(1);
    assertThat(table.transactionSeenInHandle).as("the work runs outside the claiming transaction").isFalse();
  }

  @Test
  void shouldStopItsThreadsAndStillRunByHand() {
    WorkTable table = table("a");
    for (int i = 0; i < 3; i++) {
      table.add(i, "ok", Instant.now().minusSeconds(1));
    }
    Worker worker = worker(table, settings(2, 20, Duration.ofMillis(20), 3), new WakeUp(), java.time.Clock.systemUTC());
    worker.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> table.emptyClaims.get() >= 1);

    worker.stop();

    assertThat(worker.isRunning()).isFalse();
    int claimsAfterStop = table.emptyClaims.get();
    table.add(10, "ok", Instant.now().minusSeconds(1));
    assertThat(worker.runOnce().done()).as("run by hand once stopped").isEqualTo(1);
    assertThat(table.emptyClaims).as("no thread polls after the stop").hasValue(claimsAfterStop);
    assertThat(table.count("SELECT COUNT(*) FROM test_work WHERE state = 'DONE'")).isEqualTo(4);
  }

  @Test
  void shouldCommitTheOtherItemsOfASavepointBatchAndThenSayWhichFailed() {
    WorkTable table = table("batch");

    // item 2's statement fails in the database: on PostgreSQL that aborts the transaction unless its savepoint is
    // rolled back to
    assertThatThrownBy(() -> SavepointBatch.workAll(table.transactions, List.of(1, 2, 3), id -> {
      table.jdbc.sql("INSERT INTO test_work_done (id, worker) VALUES (:id, 'batch')").param("id", id).update();
      if (id == 2) {
        table.jdbc.sql("INSERT INTO test_work_done (id, worker) VALUES (NULL, 'batch')").update();
      }
    })).isInstanceOf(SavepointBatch.ItemsFailed.class).hasMessageStartingWith("1 of 3 items failed");

    assertThat(table.jdbc.sql("SELECT id FROM test_work_done WHERE worker = 'batch' ORDER BY id").query(Integer.class)
        .list()).containsExactly(1, 3);
  }
}
