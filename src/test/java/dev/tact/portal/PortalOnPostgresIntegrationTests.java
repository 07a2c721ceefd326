package dev.tact.portal;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The customer portal on PostgreSQL. */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.intake.imap.enabled=false",
    "tact.portal.requests-per-client-burst=1000", "tact.portal.requests-per-client-per-minute=1000"})
@Import(PortalContract.TestSmsProvider.class)
class PortalOnPostgresIntegrationTests extends PortalContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::create);
  }
}
