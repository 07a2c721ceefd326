package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two whole Tact nodes on one PostgreSQL fire 10,000 timers, each exactly once: both nodes' handlers record
 * every firing in a table without a unique constraint, so a timer fired twice would show as an extra row.
 * Prints the rate (timers fired per second by both nodes) for {@code bench/RESULTS.md}.
 */
@RequiresPostgres
class TimersClusterOnPostgresIntegrationTests {

  static final int TIMERS = 10_000;

  @Test
  void shouldFireEachOfTenThousandTimersOnceWhenTwoNodesShareTheDatabase() throws Exception {
    String url = PostgresTestDatabase.createMigrated();
    // PostgresTestDatabase drops test databases nobody is connected to: hold one for the whole test
    try (Connection keepAlive = DriverManager.getConnection(url);
        // node a is woken by its own scheduling; node b finds the timers by polling, every 50 ms here so that it
        // joins in even when a alone could fire them all within the default second
        TactNode a = TactNode.start(url, TimerRestartScenario.HANDLER, "--tact.test.node=a",
            "--tact.timers.poll-interval=50ms");
        TactNode b = TactNode.start(url, TimerRestartScenario.HANDLER, "--tact.test.node=b",
            "--tact.timers.poll-interval=50ms")) {
      // one transaction, so that all become visible (and due: due across the second before) at one commit
      Instant start = a.bean(Clock.class).instant();
      Instant committed = scheduleAll(a, start);

      JdbcClient jdbc = a.jdbc();
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
          .until(() -> count(jdbc, RecordingTimerHandler.PENDING) == 0);

      assertThat(count(jdbc, "SELECT COUNT(*) FROM test_timer_firing")).isEqualTo(TIMERS);
      assertThat(count(jdbc, "SELECT COUNT(DISTINCT timer_key) FROM test_timer_firing")).isEqualTo(TIMERS);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM test_timer_firing WHERE attempt <> 1")).isZero();
      Map<String, Long> perNode = jdbc.sql("SELECT node, COUNT(*) AS n FROM test_timer_firing GROUP BY node")
          .query((rs, n) -> Map.entry(rs.getString("node"), rs.getLong("n"))).list().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(perNode.keySet()).containsExactlyInAnyOrder("a", "b");

      Instant lastFired = jdbc.sql("SELECT MAX(recorded_at) AS last FROM test_timer_firing")
          .query((rs, n) -> dev.tact.shared.SqlTime.instant(rs, "last")).single();
      Duration span = Duration.between(committed, lastFired);
      System.out.printf("TIMER-CLUSTER: %d timers fired once by 2 nodes (a %d, b %d) in %d ms after they were "
              + "committed: %.0f timers/s; scheduling them in one transaction took %d ms%n", TIMERS,
          perNode.get("a"), perNode.get("b"), span.toMillis(), TIMERS * 1000.0 / Math.max(1, span.toMillis()),
          Duration.between(start, committed).toMillis());
    }
  }

  /** Schedules the timers in one transaction of this node; answers when it committed. */
  private static Instant scheduleAll(TactNode node, Instant start) {
    Timers timers = node.bean(Timers.class);
    new TransactionTemplate(node.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
      for (int i = 0; i < TIMERS; i++) {
        Instant due = start.minusSeconds(1).plusNanos(i * 100_000L);
        timers.schedule(RecordingTimerHandler.KIND, "cluster-" + i, due, null);
      }
    });
    return node.bean(Clock.class).instant();
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

}
