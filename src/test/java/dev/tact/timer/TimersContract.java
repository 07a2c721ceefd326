package dev.tact.timer;

import dev.tact.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link Timers} promises, on each database Tact supports. The application's own workers are off
 * ({@code tact.sla.timers.enabled=false}, the earlier name, still read); each test fires timers by hand with a poller on a clock it moves.
 */
abstract class TimersContract {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  static final String KIND = RecordingTimerHandler.KIND;

  @Autowired Timers timers;
  @Autowired TimerStore store;
  @Autowired TimerHandlers handlers;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  final MutableClock clock = new MutableClock(T);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  TimerFiring poller;
  TransactionTemplate transactions;

  @BeforeEach
  void freshTablesAndPoller() {
    jdbc.sql("DELETE FROM timer_entry").update();
    jdbc.sql("DELETE FROM test_timer_firing").update();
    RecordingTimerHandler.AFTER_COMMIT_OF_FAILED.set(0);
    TimerProperties properties = new TimerProperties(true, 1, 20, Duration.ofSeconds(1), 3, Duration.ofSeconds(10),
        Duration.ofHours(1));
    poller = new TimerFiring(store, handlers, new TimerMetrics(meters, store, clock), properties, clock,
        new TimerAlarm(), new ClaimWorkers(transactionManager, meters, clock, false));
    transactions = new TransactionTemplate(transactionManager);
  }

  @Test
  void shouldFireOnceWhenDueAndNotBefore() {
    inTransaction(() -> timers.schedule(KIND, "once", T, "hello"));
    clock.set(T.minusSeconds(1));

    Worker.Pass early = poller.fireDue();

    assertThat(early.idle()).isTrue();
    assertThat(early.nextDue()).isEqualTo(T);
    assertThat(firings("once")).isEmpty();

    clock.set(T.plusMillis(250));
    assertThat(poller.fireDue().done()).isEqualTo(1);
    assertThat(poller.fireDue().idle()).isTrue();

    assertThat(firings("once")).containsExactly(Map.of("payload", "hello", "attempt", 1));
    assertThat(timers.find(KIND, "once")).isEmpty();
    assertThat(meters.get("tact.timers.fired").tag("kind", KIND).counter().count()).isEqualTo(1.0);
    assertThat(meters.get("tact.timers.lag").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(250.0);
  }

  @Test
  void shouldMoveTimerWhenScheduledAgain() {
    timers.schedule(KIND, "moved", T, "first");
    timers.schedule(KIND, "moved", T.plus(Duration.ofHours(1)), "second");

    assertThat(timers.find(KIND, "moved"))
        .contains(new ScheduledTimer(KIND, "moved", T.plus(Duration.ofHours(1)), "second"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM timer_entry").query(Long.class).single()).isEqualTo(1L);

    clock.set(T);
    assertThat(poller.fireDue().idle()).isTrue();
    clock.set(T.plus(Duration.ofHours(1)));
    assertThat(poller.fireDue().done()).isEqualTo(1);
    assertThat(firings("moved")).containsExactly(Map.of("payload", "second", "attempt", 1));
  }

  @Test
  void shouldNotFireCancelledTimer() {
    timers.schedule(KIND, "cancelled", T, null);

    assertThat(timers.cancel(KIND, "cancelled")).isTrue();
    assertThat(timers.cancel(KIND, "cancelled")).isFalse();
    assertThat(timers.find(KIND, "cancelled")).isEmpty();
    clock.set(T.plus(Duration.ofDays(1)));
    assertThat(poller.fireDue().idle()).isTrue();
    assertThat(firings("cancelled")).isEmpty();
  }

  @Test
  void shouldLeaveNoTimerWhenSchedulingTransactionRollsBack() {
    transactions.executeWithoutResult(status -> {
      timers.schedule(KIND, "rolled-back", T, null);
      assertThat(timers.find(KIND, "rolled-back")).isPresent(); // visible inside its transaction
      status.setRollbackOnly();
    });

    assertThat(timers.find(KIND, "rolled-back")).isEmpty();
    clock.set(T);
    assertThat(poller.fireDue().idle()).isTrue();
  }

  @Test
  void shouldKeepMovedTimerWhenCancelOrMoveRollsBack() {
    timers.schedule(KIND, "kept", T, "original");
    transactions.executeWithoutResult(status -> {
      timers.schedule(KIND, "kept", T.plusSeconds(60), "moved");
      timers.cancel(KIND, "kept");
      status.setRollbackOnly();
    });

    assertThat(timers.find(KIND, "kept")).contains(new ScheduledTimer(KIND, "kept", T, "original"));
  }

  @Test
  void shouldRollBackHandlerWritesWithTheFailureAndRetryWithBackoffThenPark() {
    timers.schedule(KIND, "failing", T, "fail");

    clock.set(T);
    assertThat(poller.fireDue().failed()).isEqualTo(1);
    assertThat(firings("failing")).as("the handler's insert rolled back with the failure").isEmpty();
    TimerRow afterFirst = store.find(KIND, "failing").orElseThrow();
    assertThat(afterFirst.attempts()).isEqualTo(1);
    assertThat(afterFirst.nextAttemptAt()).isEqualTo(T.plusSeconds(10));
    assertThat(afterFirst.lastError()).contains("test handler fails as asked");
    assertThat(afterFirst.parked()).isFalse();

    clock.set(T.plusSeconds(9));
    assertThat(poller.fireDue().nextDue()).isEqualTo(T.plusSeconds(10));
    clock.set(T.plusSeconds(10));
    assertThat(poller.fireDue().failed()).isEqualTo(1);
    assertThat(store.find(KIND, "failing").orElseThrow().nextAttemptAt()).isEqualTo(T.plusSeconds(30));
    clock.set(T.plusSeconds(30));
    assertThat(poller.fireDue().failed()).isEqualTo(1);

    TimerRow parked = store.find(KIND, "failing").orElseThrow();
    assertThat(parked.parked()).isTrue();
    assertThat(parked.attempts()).isEqualTo(3);
    assertThat(timers.find(KIND, "failing")).as("a parked timer is kept, not lost").isPresent();
    clock.set(T.plus(Duration.ofDays(1)));
    assertThat(poller.fireDue().idle()).isTrue();
    assertThat(firings("failing")).isEmpty();
    assertThat(meters.get("tact.timers.parked").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("tact.timers.failures").counter().count()).isEqualTo(3.0);

    timers.schedule(KIND, "failing", T.plus(Duration.ofDays(1)), "fixed");
    TimerRow rearmed = store.find(KIND, "failing").orElseThrow();
    assertThat(rearmed.parked()).isFalse();
    assertThat(rearmed.attempts()).isZero();
    assertThat(poller.fireDue().done()).isEqualTo(1);
    assertThat(firings("failing")).containsExactly(Map.of("payload", "fixed", "attempt", 1));
  }

  @Test
  void shouldFireTheRestOfABatchOnceWhenOneTimerOfItFails() {
    inTransaction(() -> {
      for (int i = 0; i < 5; i++) {
        timers.schedule(KIND, "batch-" + i, T.plusMillis(i), i == 2 ? "fail" : "ok");
      }
    });
    clock.set(T.plusSeconds(1));

    Worker.Pass pass = poller.fireDue();

    assertThat(pass.done()).isEqualTo(4);
    assertThat(pass.failed()).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      assertThat(firings("batch-" + i)).as("batch-" + i)
          .isEqualTo(i == 2 ? List.of() : List.of(Map.of("payload", "ok", "attempt", 1)));
    }
    assertThat(store.find(KIND, "batch-2").orElseThrow().attempts()).isEqualTo(1);
    assertThat(RecordingTimerHandler.AFTER_COMMIT_OF_FAILED).as("after-commit work of the failed firing").hasValue(0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM timer_entry").query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void shouldFireAtMostBatchSizeInOnePass() {
    inTransaction(() -> {
      for (int i = 0; i < 25; i++) {
        timers.schedule(KIND, "many-" + i, T, null);
      }
    });
    clock.set(T);

    assertThat(poller.fireDue().done()).isEqualTo(20);
    assertThat(poller.fireDue().done()).isEqualTo(5);
    assertThat(poller.fireDue().idle()).isTrue();
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT timer_key) FROM test_timer_firing").query(Long.class).single())
        .isEqualTo(25L);
  }

  @Test
  void shouldKeepTimerItsHandlerMovedWhileFiring() {
    timers.schedule(KIND, "recurring", T, "again");

    clock.set(T);
    assertThat(poller.fireDue().done()).isEqualTo(1);

    assertThat(firings("recurring")).hasSize(1);
    assertThat(timers.find(KIND, "recurring"))
        .contains(new ScheduledTimer(KIND, "recurring", T.plus(Duration.ofHours(1)), "moved by its handler"));
  }

  @Test
  void shouldLeaveTimersOfKindsWithoutHandler() {
    timers.schedule("test.nobody", "orphan", T, "kept");
    clock.set(T.plusSeconds(5));

    Worker.Pass attempt = poller.fireDue();
    poller.flagUnhandledKinds();

    assertThat(attempt.idle()).isTrue();
    assertThat(attempt.nextDue()).as("nothing this node can fire").isNull();
    assertThat(timers.find("test.nobody", "orphan")).contains(new ScheduledTimer("test.nobody", "orphan", T, "kept"));
    assertThat(store.dueKindsOtherThan(handlers.kinds(), clock.instant())).containsExactly("test.nobody");
  }

  @Test
  void shouldRejectBadNamesAndChangeNothing() {
    assertThatThrownBy(() -> timers.schedule(" ", "k", T, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> timers.schedule(KIND, "", T, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> timers.schedule(KIND, "k", null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> timers.schedule(KIND, "k".repeat(301), T, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM timer_entry").query(Long.class).single()).isZero();
  }

  private void inTransaction(Runnable action) {
    transactions.executeWithoutResult(status -> action.run());
  }

  private List<Map<String, Object>> firings(String key) {
    return jdbc.sql("SELECT payload, attempt FROM test_timer_firing WHERE timer_key = :key ORDER BY recorded_at")
        .param("key", key)
        .query((rs, n) -> rs.getString("payload") == null ? Map.<String, Object>of("attempt", rs.getInt("attempt"))
            : Map.<String, Object>of("payload", rs.getString("payload"), "attempt", rs.getInt("attempt")))
        .list();
  }
}
