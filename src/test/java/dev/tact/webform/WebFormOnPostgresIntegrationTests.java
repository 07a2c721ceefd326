package dev.tact.webform;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
@SpringBootTest(properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.webform.proof-of-work-bits=4",
    "tact.webform.min-time-to-submit=2s", "tact.webform.submit-burst=3", "tact.webform.submit-per-minute=1"})
@Import(WebFormContract.TestClock.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class WebFormOnPostgresIntegrationTests extends WebFormContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::create);
  }
}
