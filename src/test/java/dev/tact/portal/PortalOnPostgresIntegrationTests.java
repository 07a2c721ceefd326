package dev.tact.portal;

import dev.tact.testsupport.DeliveryOffTest;
import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;

/** The customer portal on PostgreSQL. */
@RequiresPostgres
@FreshPostgresDatabase
@DeliveryOffTest
class PortalOnPostgresIntegrationTests extends PortalContract {}
