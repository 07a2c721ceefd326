package dev.tact.survey;

import dev.tact.testsupport.DeliveryOffTest;

@DeliveryOffTest
class SurveysOnH2IntegrationTests extends SurveysContract {}
