package dev.tact.noise;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactTest;

@RequiresPostgres
@FreshPostgresDatabase
@TactTest
class NoiseLocksOnPostgresIntegrationTests extends NoiseLocksContract {

  @Override
  boolean someoneWaitsForALock() {
    return jdbc.sql("""
        SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
        .query(Long.class).single() > 0;
  }
}
