package dev.tact.web.api;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactTest;

@RequiresPostgres
@FreshPostgresDatabase
@TactTest
class PolicyApiOnPostgresIntegrationTests extends PolicyApiContract {}
