package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Noise lock housekeeping on each database Tact supports: keys unused for the retention are deleted, a key held
 * by a running transaction is skipped without waiting, and a lock taken while housekeeping deletes its row
 * still ends up holding a row.
 */
abstract class NoiseLocksContract {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired NoiseProperties properties;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

  final MutableClock clock = new MutableClock(T);
  final ExecutorService other = Executors.newSingleThreadExecutor();
  NoiseLocks locks;
  NoiseLockHousekeeping housekeeping;
  TransactionTemplate transactions;

  /** Whether some session of this database is waiting for a row lock right now. */
  abstract boolean someoneWaitsForALock();

  @BeforeEach
  void freshTable() {
    transactions = new TransactionTemplate(transactionManager);
    jdbc.sql("DELETE FROM noise_lock").update();
    locks = new NoiseLocks(jdbc, jdbcTemplate, clock);
    housekeeping = new NoiseLockHousekeeping(locks, properties, transactions, clock);
  }

  @AfterEach
  void stopOther() {
    other.shutdownNow();
  }

  @Test
  void shouldDeleteOnlyKeysUnusedForTheRetention() {
    lockInOwnTransaction("author:old@example.com");
    lockInOwnTransaction("author:again@example.com");
    clock.advance(Duration.ofHours(20));
    lockInOwnTransaction("author:again@example.com");
    lockInOwnTransaction("domain:recent.example");
    clock.advance(Duration.ofHours(5));

    assertThat(housekeeping.pruneUnused()).isEqualTo(1);

    assertThat(keys()).containsExactly("author:again@example.com", "domain:recent.example");
  }

  @Test
  void shouldDeleteMoreThanOneBatch() {
    transactions.executeWithoutResult(status -> {
      for (int i = 0; i < NoiseLocks.PRUNE_BATCH + 3; i++) {
        locks.lock(List.of("sender:s" + i + "@example.com"));
      }
    });
    clock.advance(properties.lockRetention().plusMinutes(1));

    assertThat(housekeeping.pruneUnused()).isEqualTo(NoiseLocks.PRUNE_BATCH + 3);
    assertThat(keys()).isEmpty();
  }

  @Test
  void shouldSkipAKeyLockedByARunningTransactionWithoutWaiting() throws Exception {
    lockInOwnTransaction("author:busy@example.com");
    lockInOwnTransaction("author:idle@example.com");
    clock.advance(properties.lockRetention().plusHours(1));
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // holds the row lock without touching last_used_at, as a transaction that locked it just before midnight would
    Future<?> holder = other.submit(() -> transactions.executeWithoutResult(status -> {
      jdbc.sql("SELECT lock_key FROM noise_lock WHERE lock_key = 'author:busy@example.com' FOR UPDATE")
          .query(String.class).single();
      locked.countDown();
      await(release);
    }));
    assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

    int deleted = housekeeping.pruneUnused();
    release.countDown();
    holder.get(30, TimeUnit.SECONDS);

    assertThat(deleted).isEqualTo(1);
    assertThat(keys()).containsExactly("author:busy@example.com");
  }

  @Test
  void shouldStillHoldALockWhenHousekeepingDeletesTheRowUnderIt() throws Exception {
    lockInOwnTransaction("author:pitch@example.com");
    clock.advance(properties.lockRetention().plusHours(1));
    Instant lockedAt = clock.instant();
    TransactionStatus pruning = transactionManager.getTransaction(org.springframework.transaction.TransactionDefinition.withDefaults());
    List<String> claimed = locks.claimUnusedBefore(clock.instant().minus(properties.lockRetention()));
    assertThat(claimed).containsExactly("author:pitch@example.com");

    // the insert finds the row present, the update waits for housekeeping's row lock
    Future<?> decision = other.submit(() -> transactions.executeWithoutResult(
        status -> locks.lock(List.of("author:pitch@example.com"))));
    awaitSomeoneWaiting(decision);
    locks.delete(claimed);
    transactionManager.commit(pruning);
    decision.get(30, TimeUnit.SECONDS);

    assertThat(keys()).containsExactly("author:pitch@example.com");
    assertThat(jdbc.sql("SELECT last_used_at FROM noise_lock").query(java.time.OffsetDateTime.class).single()
        .toInstant()).isEqualTo(lockedAt);
  }

  @Test
  void shouldMakeASecondDecisionWaitForAKeyWhoseRowIsPresentUntilTheFirstEnds() throws Exception {
    lockInOwnTransaction("domain:shared.example");
    clock.advance(Duration.ofMinutes(1));

    assertThat(secondWaitsWhileFirstHolds(List.of("sender:a@shared.example", "domain:shared.example"),
        List.of("domain:shared.example", "sender:b@shared.example"))).isEqualTo(clock.instant());
  }

  /**
   * Locks {@code first} in a transaction left open, then {@code second} in another, which must wait until the first
   * commits; answers the shared key's last use after both.
   */
  Instant secondWaitsWhileFirstHolds(List<String> first, List<String> second) throws Exception {
    TransactionStatus holding = transactionManager.getTransaction(
        org.springframework.transaction.TransactionDefinition.withDefaults());
    locks.lock(first);
    Future<?> waiting = other.submit(() -> transactions.executeWithoutResult(status -> locks.lock(second)));
    try {
      awaitSomeoneWaiting(waiting);
    } finally {
      transactionManager.commit(holding);
    }
    waiting.get(30, TimeUnit.SECONDS);
    String shared = first.stream().filter(second::contains).findFirst().orElseThrow();
    return jdbc.sql("SELECT last_used_at FROM noise_lock WHERE lock_key = :key").param("key", shared)
        .query(java.time.OffsetDateTime.class).single().toInstant();
  }

  private void lockInOwnTransaction(String key) {
    transactions.executeWithoutResult(status -> locks.lock(List.of(key)));
  }

  private List<String> keys() {
    return jdbc.sql("SELECT lock_key FROM noise_lock ORDER BY lock_key").query(String.class).list();
  }

  private void awaitSomeoneWaiting(Future<?> task) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!someoneWaitsForALock()) {
      if (task.isDone()) {
        task.get();
        throw new AssertionError("the lock was taken without waiting for the other transaction's row lock");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nobody waited for housekeeping's row lock within 30 seconds");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("not released within 30 seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
