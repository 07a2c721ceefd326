package dev.tact.notification;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false",
    "tact.intake.imap.enabled=false", "tact.delivery.pacing.enabled=false", "tact.staff.time-zone=America/New_York"})
class NotificationsOnPostgresIntegrationTests extends NotificationsContract {}
