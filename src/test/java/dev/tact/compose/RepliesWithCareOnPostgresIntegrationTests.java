package dev.tact.compose;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.pacing.enabled=false", "tact.delivery.from-address=support@tact.test",
    "tact.conversation.message-id-domain=tact.test", "tact.compose.cool-off=30s"})
class RepliesWithCareOnPostgresIntegrationTests extends RepliesWithCareContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::create);
  }
}
