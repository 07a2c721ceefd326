package dev.tact.notification;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notifications;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.intake.imap.enabled=false",
    "tact.delivery.pacing.enabled=false", "tact.staff.time-zone=America/New_York"})
class NotificationsOnH2IntegrationTests extends NotificationsContract {}
