package dev.tact.sla.timer;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.junit.jupiter.api.Test;

@RequiresPostgres
class TimerRestartOnPostgresIntegrationTests {

  @Test
  void shouldFireTimersOfAStoppedNodeOnceOnTheNextNodeWhenOnPostgres() {
    TimerRestartScenario.run(PostgresTestDatabase.create());
  }
}
