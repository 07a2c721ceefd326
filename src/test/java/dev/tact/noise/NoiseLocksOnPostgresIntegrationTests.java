package dev.tact.noise;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false"})
class NoiseLocksOnPostgresIntegrationTests extends NoiseLocksContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::create);
  }

  @Override
  boolean someoneWaitsForALock() {
    return jdbc.sql("""
        SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
        .query(Long.class).single() > 0;
  }
}
