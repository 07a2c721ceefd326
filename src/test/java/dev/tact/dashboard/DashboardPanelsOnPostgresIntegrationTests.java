package dev.tact.dashboard;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactTest;

@RequiresPostgres
@FreshPostgresDatabase
@TactTest
class DashboardPanelsOnPostgresIntegrationTests extends DashboardPanelsContract {}
