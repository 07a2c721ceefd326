package dev.tact.effort;

import dev.tact.testsupport.DeliveryOffTest;

@DeliveryOffTest
class EffortOnH2IntegrationTests extends EffortContract {}
