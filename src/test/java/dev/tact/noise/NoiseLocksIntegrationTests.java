package dev.tact.noise;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:sla-notifications;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false"})
class NoiseLocksIntegrationTests extends NoiseLocksContract {

  @Override
  boolean someoneWaitsForALock() {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")
        .query(Long.class).single() > 0;
  }
}
