package dev.tact.timer;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

@RequiresPostgres
class TimerRestartOnPostgresIntegrationTests {

  @Test
  void shouldFireTimersOfAStoppedNodeOnceOnTheNextNodeWhenOnPostgres() throws Exception {
    String url = PostgresTestDatabase.createMigrated();
    // PostgresTestDatabase drops test databases nobody is connected to: hold one from the start, and while no node runs
    try (Connection keepAlive = DriverManager.getConnection(url)) {
      TimerRestartScenario.run(url);
    }
  }
}
