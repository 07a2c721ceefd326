package dev.tact.delivery;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:delivery-reply-from;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.delivery.from-name=Acme Help",
    "tact.intake.smtp.enabled=true", "tact.intake.smtp.port=0", "tact.intake.imap.enabled=false"})
class ReplyFromMailboxOnH2IntegrationTests extends ReplyFromMailboxContract {}
