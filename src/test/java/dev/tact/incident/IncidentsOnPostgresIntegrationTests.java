package dev.tact.incident;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.incident.status-refresh=200ms"})
class IncidentsOnPostgresIntegrationTests extends IncidentsContract {}
