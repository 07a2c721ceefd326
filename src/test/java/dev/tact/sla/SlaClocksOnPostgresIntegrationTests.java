package dev.tact.sla;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false"})
@Import(SlaClocksContract.Fixtures.class)
class SlaClocksOnPostgresIntegrationTests extends SlaClocksContract {}
