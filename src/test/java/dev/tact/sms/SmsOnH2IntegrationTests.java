package dev.tact.sms;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:sms;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.threads=1", "tact.delivery.poll-interval=PT0.1S",
    "tact.delivery.webhook.initial-backoff=PT0.2S", "tact.delivery.webhook.max-backoff=PT1S",
    "tact.delivery.webhook.jitter=0", "tact.delivery.webhook.max-attempts=3"})
class SmsOnH2IntegrationTests extends SmsContract {}
