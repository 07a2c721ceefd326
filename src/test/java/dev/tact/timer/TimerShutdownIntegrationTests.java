package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.TactNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Stopping a node neither interrupts nor abandons the timer it is firing: the firing finishes and commits. */
class TimerShutdownIntegrationTests {

  @Test
  void shouldCommitTheFiringInProgressWhenTheNodeStops(@TempDir Path folder) throws Exception {
    String url = TactNode.h2File(folder);
    RecordingTimerHandler.slowStarted = new CountDownLatch(1);
    TactNode node = TactNode.start(url, TimerRestartScenario.HANDLER, "--tact.test.node=stopping");
    try {
      new TransactionTemplate(node.bean(PlatformTransactionManager.class)).executeWithoutResult(status ->
          node.bean(Timers.class).schedule(RecordingTimerHandler.KIND, "in-flight",
              node.bean(Clock.class).instant(), "slow"));
      assertThat(RecordingTimerHandler.slowStarted.await(30, TimeUnit.SECONDS)).as("the handler started").isTrue();
    } finally {
      node.close(); // the handler goes on only now, while its node is closing
    }

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      assertThat(count(statement, "SELECT COUNT(*) FROM test_timer_firing WHERE timer_key = 'in-flight'"))
          .isEqualTo(1);
      assertThat(count(statement, RecordingTimerHandler.PENDING)).isZero();
    }
  }

  private static long count(Statement statement, String sql) throws java.sql.SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
