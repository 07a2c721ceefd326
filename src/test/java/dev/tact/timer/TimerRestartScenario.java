package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.TactNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timers outlive the node that scheduled them: one Tact (not firing timers) schedules them and stops, a second
 * Tact on the same database fires each once. Then a timer scheduled on a node that polls only hourly fires
 * at once, because scheduling wakes the node's workers. Run on each database Tact supports.
 */
final class TimerRestartScenario {

  static final String HANDLER = "--spring.main.sources=" + RecordingTimerHandler.class.getName();

  private TimerRestartScenario() {}

  static void run(String databaseUrl) {
    List<String> keys = List.of("restart-1", "restart-2", "restart-3");
    try (TactNode first = TactNode.start(databaseUrl, HANDLER, "--tact.sla.timers.enabled=false",
        "--tact.test.node=first")) {
      Instant now = first.bean(java.time.Clock.class).instant();
      inTransaction(first, timers -> keys.forEach(key -> timers.schedule(RecordingTimerHandler.KIND, key, now, key)));
      assertThat(count(first.jdbc(), RecordingTimerHandler.PENDING)).isEqualTo(3);
    }
    try (TactNode second = TactNode.start(databaseUrl, HANDLER, "--tact.timers.poll-interval=1h",
        "--tact.test.node=second")) {
      JdbcClient jdbc = second.jdbc();
      // the first look at start finds them; the hourly poll would be far too late
      await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, RecordingTimerHandler.PENDING) == 0);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM test_timer_firing")).isEqualTo(3);
      assertThat(count(jdbc, "SELECT COUNT(DISTINCT timer_key) FROM test_timer_firing WHERE node = 'second'"))
          .isEqualTo(3);

      // the workers are now asleep for up to an hour: scheduling here must wake them
      Instant soon = second.bean(java.time.Clock.class).instant().plusMillis(200);
      inTransaction(second, timers -> timers.schedule(RecordingTimerHandler.KIND, "woken", soon, "woken"));
      await().atMost(Duration.ofSeconds(20)).until(() ->
          count(jdbc, "SELECT COUNT(*) FROM test_timer_firing WHERE timer_key = 'woken'") == 1);
      assertThat(count(jdbc, RecordingTimerHandler.PENDING)).isZero();
    }
  }

  private static void inTransaction(TactNode node, java.util.function.Consumer<Timers> work) {
    new TransactionTemplate(node.bean(PlatformTransactionManager.class))
        .executeWithoutResult(status -> work.accept(node.bean(Timers.class)));
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
