package dev.tact.delivery;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.delivery.from-name=Acme Help",
    "tact.intake.smtp.enabled=true", "tact.intake.smtp.port=0", "tact.intake.imap.enabled=false"})
class ReplyFromMailboxOnPostgresIntegrationTests extends ReplyFromMailboxContract {}
