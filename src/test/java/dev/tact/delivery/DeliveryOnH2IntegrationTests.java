package dev.tact.delivery;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:delivery;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false", "tact.delivery.retry-base=PT1M",
    "tact.delivery.hard-bounces-until-undeliverable=2", "tact.delivery.from-address=support@tact.test",
    "tact.conversation.message-id-domain=tact.test"})
@Import(DeliveryContract.TestClock.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class DeliveryOnH2IntegrationTests extends DeliveryContract {}
