package dev.tact.incident;

import dev.tact.testsupport.DeliveryOffTest;

@DeliveryOffTest
class IncidentsOnH2IntegrationTests extends IncidentsContract {}
