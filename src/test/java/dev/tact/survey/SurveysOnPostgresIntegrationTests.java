package dev.tact.survey;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

/** The same context (and settings) as {@code IncidentsOnPostgresIntegrationTests}, as the H2 siblings share theirs. */
@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.incident.status-refresh=200ms"})
class SurveysOnPostgresIntegrationTests extends SurveysContract {}
