package dev.tact.portal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The customer portal on the embedded database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.intake.imap.enabled=false",
    "tact.portal.requests-per-client-burst=1000", "tact.portal.requests-per-client-per-minute=1000",
    "spring.datasource.url=jdbc:h2:mem:portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(PortalContract.TestSmsProvider.class)
class PortalIntegrationTests extends PortalContract {}
