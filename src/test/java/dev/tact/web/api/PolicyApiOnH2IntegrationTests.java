package dev.tact.web.api;

import dev.tact.testsupport.TactTest;

@TactTest
class PolicyApiOnH2IntegrationTests extends PolicyApiContract {}
