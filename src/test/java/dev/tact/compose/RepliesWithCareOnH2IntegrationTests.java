package dev.tact.compose;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:replies-with-care;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.pacing.enabled=false", "tact.delivery.from-address=support@tact.test",
    "tact.conversation.message-id-domain=tact.test", "tact.compose.cool-off=30s"})
class RepliesWithCareOnH2IntegrationTests extends RepliesWithCareContract {}
