package dev.tact.web.api;

import dev.tact.testsupport.TactTest;

@TactTest
class WhereaboutsRegistersOnH2IntegrationTests extends WhereaboutsRegistersApiContract {}
