package dev.tact.noise;

import dev.tact.testsupport.TactTest;

@TactTest
class NoiseLocksIntegrationTests extends NoiseLocksContract {

  @Override
  boolean someoneWaitsForALock() {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")
        .query(Long.class).single() > 0;
  }
}
