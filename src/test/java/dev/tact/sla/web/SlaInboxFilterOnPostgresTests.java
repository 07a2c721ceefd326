package dev.tact.sla.web;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SLA filter of inbox and API on PostgreSQL (the dynamic URL wins over the H2 one inherited). */
@RequiresPostgres
class SlaInboxFilterOnPostgresTests extends SlaInboxFilterTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::create);
  }
}
