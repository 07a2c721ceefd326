package dev.tact.delivery;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false", "tact.delivery.retry-base=PT1M",
    "tact.delivery.hard-bounces-until-undeliverable=2", "tact.delivery.from-address=support@tact.test",
    "tact.conversation.message-id-domain=tact.test"})
@Import(DeliveryContract.TestClock.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class DeliveryOnPostgresIntegrationTests extends DeliveryContract {}
