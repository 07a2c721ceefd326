package dev.tact.compose;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.pacing.enabled=false", "tact.delivery.from-address=support@tact.test",
    "tact.conversation.message-id-domain=tact.test", "tact.compose.cool-off=30s"})
class RepliesWithCareOnPostgresIntegrationTests extends RepliesWithCareContract {}
