package dev.tact.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migrated database of its own for a store's claim test, without a Spring context: H2 in memory with the
 * application's settings, or a fresh PostgreSQL database (skipped without {@code TACT_TEST_POSTGRES_URL}, failed
 * when {@code tact.test.require-postgres} is set). {@link #twoClaimers} runs a claim in two transactions at once.
 */
public final class ClaimDatabase implements AutoCloseable {

  /** The databases Tact supports, for a parameterised test. */
  public enum Kind { H2, POSTGRES }

  private final HikariDataSource dataSource;
  /** The same, recording what the current thread prepares while {@link StatementRecorder} records. */
  private final DataSource recorded;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  private ClaimDatabase(String url) {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setMaximumPoolSize(4);
    if (url.startsWith("jdbc:h2:")) {
      dataSource.setUsername("sa");
    }
    recorded = StatementCounter.counting(dataSource);
  }

  public static ClaimDatabase open(Kind kind) {
    if (kind == Kind.H2) {
      ClaimDatabase database = new ClaimDatabase("jdbc:h2:mem:claims-" + UUID.randomUUID()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
      H2SchemaSnapshot.migrate(Flyway.configure().dataSource(database.dataSource).locations("classpath:db/migration")
          .load());
      return database;
    }
    if (PostgresTestDatabase.adminUrl() == null) {
      Assumptions.assumeTrue(Boolean.getBoolean("tact.test.require-postgres"), "TACT_TEST_POSTGRES_URL is not set");
    }
    return new ClaimDatabase(PostgresTestDatabase.createMigrated());
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(recorded);
  }

  public JdbcTemplate jdbcTemplate() {
    return new JdbcTemplate(recorded);
  }

  public NamedParameterJdbcTemplate named() {
    return new NamedParameterJdbcTemplate(recorded);
  }

  public JdbcTransactionManager transactionManager() {
    return new JdbcTransactionManager(recorded);
  }

  /**
   * H2 only: runs {@code claim} in a transaction on this thread (rolled back after) and answers the reads of the
   * statements it issued that {@code hot} picks which read more than {@code rows} rows (EXPLAIN ANALYZE with the same
   * parameters) or seek an index by part of its key ({@link IndexSeeks#partialReads}); empty when every such statement
   * read no more than it needed. A candidate read that H2 cannot take in an index's order reads every row that
   * qualifies and sorts them.
   */
  public List<String> readsBeyond(int rows, Predicate<String> hot, Runnable claim) throws SQLException {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager());
    List<StatementRecorder.Recorded> issued;
    StatementRecorder.start();
    try {
      transaction.executeWithoutResult(status -> {
        status.setRollbackOnly();
        claim.run();
      });
    } finally {
      issued = StatementRecorder.stop();
    }
    List<StatementRecorder.Recorded> checked = issued.stream().filter(s -> hot.test(s.sql())).toList();
    if (checked.isEmpty()) {
      return List.of("no statement picked among " + issued.stream().map(StatementRecorder.Recorded::sql)
          .toList());
    }
    List<String> beyond = new ArrayList<>();
    for (StatementRecorder.Recorded statement : checked) {
      String plan = IndexSeeks.analyzed(dataSource, statement);
      IndexSeeks.partialReads(dataSource, plan).forEach(read -> beyond.add(read + " in " + plan));
      if (IndexSeeks.scanCounts(plan).stream().anyMatch(count -> count > rows)) {
        beyond.add("more than " + rows + " rows read: " + plan);
      }
    }
    return beyond;
  }

  /** What two claimers got: the first still held its batch while the second claimed. */
  public record TwoClaims<T>(List<T> first, List<T> second) {}

  /**
   * Claims in a transaction on one thread and, while that transaction holds what it claimed, claims again in a
   * transaction on another; both roll back.
   */
  public <T> TwoClaims<T> twoClaimers(Supplier<List<T>> claim) throws Exception {
    return twoClaimers(claim, claim);
  }

  /** The same with a claim of its own for the second transaction. */
  public <T> TwoClaims<T> twoClaimers(Supplier<List<T>> claim, Supplier<List<T>> secondClaim) throws Exception {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager());
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    Future<List<T>> first = threads.submit(() -> transactions.execute(status -> {
      List<T> claimed = claim.get();
      firstClaimed.countDown();
      awaitLatch(secondDone);
      status.setRollbackOnly();
      return claimed;
    }));
    try {
      if (!firstClaimed.await(60, TimeUnit.SECONDS)) {
        first.get(0, TimeUnit.SECONDS);
        throw new AssertionError("the first claim did not end within 60 seconds");
      }
      Future<List<T>> second = threads.submit(() -> transactions.execute(status -> {
        status.setRollbackOnly();
        return secondClaim.get();
      }));
      List<T> secondClaimed = second.get(60, TimeUnit.SECONDS);
      secondDone.countDown();
      return new TwoClaims<>(first.get(60, TimeUnit.SECONDS), secondClaimed);
    } finally {
      secondDone.countDown();
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the second claim did not end within 60 seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    if (dataSource.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
      jdbc().sql("SHUTDOWN").update();
    }
    dataSource.close();
  }
}
