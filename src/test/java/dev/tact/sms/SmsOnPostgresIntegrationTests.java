package dev.tact.sms;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.threads=1", "tact.delivery.poll-interval=PT0.1S",
    "tact.delivery.webhook.initial-backoff=PT0.2S", "tact.delivery.webhook.max-backoff=PT1S",
    "tact.delivery.webhook.jitter=0", "tact.delivery.webhook.max-attempts=3"})
class SmsOnPostgresIntegrationTests extends SmsContract {}
