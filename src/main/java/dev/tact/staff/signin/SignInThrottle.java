package dev.tact.staff.signin;

import dev.tact.shared.Batches;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password and code guessing with Bucket4j token buckets kept in the database (ADR 0020). An attempt
 * takes a token from each of its buckets before the password is checked, so parallel guesses cannot slip past; a
 * successful attempt gives its tokens back, so only failures count. Per account: three attempts at once, then one
 * every twenty seconds, and at most ten in fifteen minutes, after which the account waits for the fifteen minutes
 * to end. Per client address, looser (an office shares one): twenty at once, twenty a minute, a hundred in fifteen
 * minutes. Second-factor codes have buckets of their own, shaped like the account's.
 */
@Component
public class SignInThrottle {

  static final BucketConfiguration PER_ACCOUNT = BucketConfiguration.builder()
      .addLimit(limit -> limit.capacity(3).refillGreedy(3, Duration.ofMinutes(1)))
      .addLimit(limit -> limit.capacity(10).refillIntervally(10, Duration.ofMinutes(15)))
      .build();

  static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
      .addLimit(limit -> limit.capacity(20).refillGreedy(20, Duration.ofMinutes(1)))
      .addLimit(limit -> limit.capacity(100).refillIntervally(100, Duration.ofMinutes(15)))
      .build();

  private static final int HOUSEKEEPING_BATCH = 1000;

  private final JdbcBuckets buckets;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactionManager, TransactionTemplate transactions,
      Clock clock) {
    this.buckets = new JdbcBuckets(jdbc, transactionManager, clock);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The buckets one attempt draws from. */
  public record Attempt(List<String> keys, List<BucketConfiguration> shapes) {}

  public static Attempt password(String email, String address) {
    return new Attempt(List.of(key("account", normalise(email)), key("address", address == null ? "" : address)),
        List.of(PER_ACCOUNT, PER_ADDRESS));
  }

  public static Attempt code(String email) {
    return new Attempt(List.of(key("code", normalise(email))), List.of(PER_ACCOUNT));
  }

  /** Takes a token from each bucket of the attempt; when one is empty, gives the others back and says how long to wait. */
  public Optional<Duration> take(Attempt attempt) {
    List<BucketProxy> taken = new ArrayList<>();
    for (int i = 0; i < attempt.keys().size(); i++) {
      BucketProxy bucket = bucket(attempt.keys().get(i), attempt.shapes().get(i));
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        taken.forEach(b -> b.addTokens(1));
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
      }
      taken.add(bucket);
    }
    return Optional.empty();
  }

  /** Gives back what a successful attempt took: only failures count. */
  public void giveBack(Attempt attempt) {
    for (int i = 0; i < attempt.keys().size(); i++) {
      bucket(attempt.keys().get(i), attempt.shapes().get(i)).addTokens(1);
    }
  }

  /** The words for a wait, rounded up: "20 seconds", "1 minute", "14 minutes". */
  public static String describe(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  /** The message on the login page; the same whether or not the account exists. */
  public static String refusal(Duration wait) {
    return "Too many failed attempts; try again in " + describe(wait) + ".";
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT7M")
  void forgetFullBuckets() {
    deleteExpired();
  }

  int deleteExpired() {
    return Batches.untilShort(transactions, HOUSEKEEPING_BATCH, () -> jdbc.sql("""
        DELETE FROM staff_signin_bucket WHERE bucket_key IN (
          SELECT bucket_key FROM staff_signin_bucket WHERE expires_at < :now LIMIT :batch)""")
        .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).param("batch", HOUSEKEEPING_BATCH)
        .update());
  }

  private BucketProxy bucket(String key, BucketConfiguration shape) {
    return buckets.builder().build(key, () -> shape);
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** A kind and a digest: fixed length, and no addresses or emails in the table. */
  private static String key(String kind, String value) {
    try {
      return kind + ":" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
