package dev.tact.web.api;

import dev.tact.testsupport.TactTest;

@TactTest
class ApiOnH2IntegrationTests extends TactApiContract {}
