package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@RequiresPostgres
@FreshPostgresDatabase
@TactTest
class NoiseLocksOnPostgresIntegrationTests extends NoiseLocksContract {

  /**
   * PostgreSQL only: on H2 a second insert of a key another transaction inserted and has not committed fails with
   * a lock timeout ("Concurrent update"), the same before and after the upsert (the insert comes first in both).
   */
  @Test
  void shouldMakeASecondDecisionWaitForAKeyTheFirstInsertedUntilTheFirstEnds() throws Exception {
    assertThat(secondWaitsWhileFirstHolds(List.of("author:new@example.com"), List.of("author:new@example.com")))
        .isEqualTo(clock.instant());
  }

  @Override
  boolean someoneWaitsForALock() {
    return jdbc.sql("""
        SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
        .query(Long.class).single() > 0;
  }
}
