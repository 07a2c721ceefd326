package dev.tact.timer;

import dev.tact.TactApplication;
import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
@SpringBootTest(classes = {TactApplication.class, RecordingTimerHandler.class}, properties = {
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.sla.timers.enabled=false"})
class TimersOnPostgresIntegrationTests extends TimersContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::create);
  }
}
