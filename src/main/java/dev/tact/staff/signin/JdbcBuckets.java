package dev.tact.staff.signin;

import static dev.tact.shared.SqlTime.utc;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bucket4j's buckets in {@code staff_signin_bucket}, so that every node counts the same failures. Bucket4j does the
 * arithmetic; this class only reads a bucket's bytes and writes new ones if nobody changed them meanwhile (the row's
 * version), which works alike on H2 and PostgreSQL. Time is the application's clock.
 */
class JdbcBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

  /** A bucket untouched this long after it would be full again is the same as no bucket: its row may go. */
  private static final ExpirationAfterWriteStrategy EXPIRY =
      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  JdbcBuckets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    super(ClientSideConfig.getDefault().withClientClock(new ClockTimeMeter(clock)));
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    return new CompareAndSwapOperation() {

      private Long version;

      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        record Row(byte[] state, long version) {}
        Optional<Row> row = jdbc.sql("SELECT state, version FROM staff_signin_bucket WHERE bucket_key = :key")
            .param("key", key).query((rs, n) -> new Row(rs.getBytes("state"), rs.getLong("version"))).optional();
        version = row.map(Row::version).orElse(null);
        return row.map(Row::state);
      }

      @Override
      public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        Instant now = clock.instant();
        Instant expiresAt = now.plusMillis(EXPIRY.calculateTimeToLiveMillis(newState, ClockTimeMeter.nanos(now)));
        Integer changed = ownTransaction.execute(status -> version == null
            ? jdbc.sql("""
                INSERT INTO staff_signin_bucket (bucket_key, state, version, expires_at)
                VALUES (:key, :state, 1, :expires) ON CONFLICT DO NOTHING""")
                .param("key", key).param("state", newData).param("expires", utc(expiresAt)).update()
            : jdbc.sql("""
                UPDATE staff_signin_bucket SET state = :state, version = version + 1, expires_at = :expires
                WHERE bucket_key = :key AND version = :version""")
                .param("key", key).param("state", newData).param("expires", utc(expiresAt))
                .param("version", version).update());
        return changed != null && changed == 1;
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    throw new UnsupportedOperationException("sign-in buckets are used synchronously");
  }

  @Override
  public void removeProxy(String key) {
    jdbc.sql("DELETE FROM staff_signin_bucket WHERE bucket_key = :key").param("key", key).update();
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("sign-in buckets are used synchronously"));
  }

  @Override
  public boolean isAsyncModeSupported() {
    return false;
  }

  /** Bucket4j's time from the application's clock, so that tests (and nodes) agree on it. */
  record ClockTimeMeter(Clock clock) implements TimeMeter {

    static long nanos(Instant at) {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    @Override
    public long currentTimeNanos() {
      return nanos(clock.instant());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
