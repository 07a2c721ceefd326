package dev.tact.portal;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The customer portal on PostgreSQL. */
@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.intake.imap.enabled=false",
    "tact.portal.requests-per-client-burst=1000", "tact.portal.requests-per-client-per-minute=1000"})
@Import(PortalContract.TestSmsProvider.class)
class PortalOnPostgresIntegrationTests extends PortalContract {}
