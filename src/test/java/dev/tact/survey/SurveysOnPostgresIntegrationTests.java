package dev.tact.survey;

import dev.tact.testsupport.DeliveryOffTest;
import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;

@RequiresPostgres
@FreshPostgresDatabase
@DeliveryOffTest
class SurveysOnPostgresIntegrationTests extends SurveysContract {}
