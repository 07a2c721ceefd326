package dev.tact.timer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A test handler of kind {@value #KIND}: records each firing as a row of {@code test_timer_firing} (no unique
 * constraint, so a double firing shows), in the firing transaction. Payload {@code fail} records and then throws
 * (the record must roll back, and the after-commit work it registered must not run); {@code again} records and moves its own timer an hour on; {@code slow} records only once its node
 * is closing. Not a component (the
 * application's scan would find it in every test): tests add it as a source, TactNode with
 * {@code --spring.main.sources}.
 */
public class RecordingTimerHandler implements TimerHandler, ApplicationListener<ContextClosedEvent> {

  public static final String KIND = "test.record";

  /** How many timers of this kind are pending (the application schedules timers of its own, e.g. the digest's). */
  public static final String PENDING = "SELECT COUNT(*) FROM timer_entry WHERE kind = '" + KIND + "'";

  /** After-commit work registered by failed firings that ran anyway: must stay 0. */
  static final AtomicInteger AFTER_COMMIT_OF_FAILED = new AtomicInteger();

  /** Payload {@code slow}: the handler counts this down when it starts, then waits for its node to close. */
  static volatile CountDownLatch slowStarted = new CountDownLatch(1);
  private final CountDownLatch closing = new CountDownLatch(1);

  private final JdbcClient jdbc;
  private final Timers timers;
  private final Clock clock;
  private final String node;

  public RecordingTimerHandler(JdbcClient jdbc, Timers timers, Clock clock, Environment environment) {
    this.jdbc = jdbc;
    this.timers = timers;
    this.clock = clock;
    this.node = environment.getProperty("tact.test.node", "test");
    jdbc.sql("""
        CREATE TABLE IF NOT EXISTS test_timer_firing (
          timer_key VARCHAR(300) NOT NULL, payload VARCHAR(100), attempt INT NOT NULL, node VARCHAR(20) NOT NULL,
          due_at TIMESTAMP WITH TIME ZONE NOT NULL, fired_at TIMESTAMP WITH TIME ZONE NOT NULL,
          recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)""").update();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    closing.countDown();
  }

  @Override
  public void fire(FiredTimer timer) {
    if ("slow".equals(timer.payload())) {
      slowStarted.countDown();
      try {
        if (!closing.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the node was not closed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    jdbc.sql("""
        INSERT INTO test_timer_firing (timer_key, payload, attempt, node, due_at, fired_at, recorded_at)
        VALUES (:key, :payload, :attempt, :node, :due, :fired, :recorded)""")
        .param("key", timer.key()).param("payload", timer.payload()).param("attempt", timer.attempt())
        .param("node", node).param("due", dev.tact.shared.SqlTime.utc(timer.dueAt()))
        .param("fired", dev.tact.shared.SqlTime.utc(timer.firedAt()))
        .param("recorded", dev.tact.shared.SqlTime.utc(clock.instant())).update();
    if ("fail".equals(timer.payload())) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          AFTER_COMMIT_OF_FAILED.incrementAndGet();
        }
      });
      throw new IllegalStateException("test handler fails as asked");
    }
    if ("again".equals(timer.payload())) {
      timers.schedule(KIND, timer.key(), timer.firedAt().plus(Duration.ofHours(1)), "moved by its handler");
    }
  }
}
